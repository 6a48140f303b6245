use latency_window::RollingWindow;

#[test]
fn window_of_one_keeps_only_the_latest_sample() {
    let mut window = RollingWindow::new(1);
    window.push(7.0);
    window.push(9.0);
    assert_eq!(window.len(), 1);
    assert_eq!(window.mean(), Some(9.0));
}

#[test]
fn long_stream_keeps_the_last_capacity_samples() {
    let mut window = RollingWindow::new(5);
    for i in 1..=20 {
        window.push(i as f64);
    }
    assert_eq!(window.len(), 5);
    assert!(window.is_full());
    assert_eq!(window.iter().copied().collect::<Vec<_>>(), vec![16.0, 17.0, 18.0, 19.0, 20.0]);
    assert_eq!(window.mean(), Some(18.0));
}

#[test]
fn max_forgets_an_evicted_spike() {
    let mut window = RollingWindow::new(3);
    for sample in [250.0, 40.0, 35.0, 42.0] {
        window.push(sample);
    }
    assert_eq!(window.max(), Some(42.0));
}

#[test]
fn window_is_full_exactly_at_capacity() {
    let mut window = RollingWindow::new(3);
    window.push(1.0);
    window.push(2.0);
    assert!(!window.is_full());
    window.push(3.0);
    assert!(window.is_full());
    window.push(4.0);
    assert!(window.is_full());
    assert_eq!(window.len(), window.capacity());
}
