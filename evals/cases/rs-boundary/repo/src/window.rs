use std::collections::VecDeque;

/// Keeps the most recent `capacity` samples and summarises them.
#[derive(Debug, Clone)]
pub struct RollingWindow {
    capacity: usize,
    samples: VecDeque<f64>,
}

impl RollingWindow {
    /// A window holding at most `capacity` samples. Panics when `capacity` is zero.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a rolling window needs room for at least one sample");
        RollingWindow {
            capacity,
            samples: VecDeque::with_capacity(capacity),
        }
    }

    /// Records a sample, evicting the oldest one once the window is full.
    pub fn push(&mut self, sample: f64) {
        if self.samples.len() > self.capacity {
            self.samples.pop_front();
        }
        self.samples.push_back(sample);
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.samples.len() == self.capacity
    }

    /// The mean of the samples in the window, or `None` when it is empty.
    pub fn mean(&self) -> Option<f64> {
        if self.samples.is_empty() {
            return None;
        }
        Some(self.samples.iter().sum::<f64>() / self.samples.len() as f64)
    }

    /// The largest sample in the window, or `None` when it is empty.
    pub fn max(&self) -> Option<f64> {
        self.samples.iter().copied().reduce(f64::max)
    }

    /// The samples from oldest to newest.
    pub fn iter(&self) -> impl Iterator<Item = &f64> {
        self.samples.iter()
    }
}
