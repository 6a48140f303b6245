use latency_window::RollingWindow;

#[test]
fn empty_window_has_no_mean() {
    let window = RollingWindow::new(4);
    assert!(window.is_empty());
    assert_eq!(window.mean(), None);
    assert_eq!(window.max(), None);
}

#[test]
fn mean_of_partially_filled_window() {
    let mut window = RollingWindow::new(4);
    window.push(10.0);
    window.push(20.0);
    assert_eq!(window.len(), 2);
    assert_eq!(window.mean(), Some(15.0));
}

#[test]
fn full_window_evicts_oldest_sample() {
    let mut window = RollingWindow::new(3);
    for sample in [12.0, 30.0, 18.0, 24.0] {
        window.push(sample);
    }
    assert_eq!(window.iter().copied().collect::<Vec<_>>(), vec![30.0, 18.0, 24.0]);
    assert_eq!(window.mean(), Some(24.0));
}
