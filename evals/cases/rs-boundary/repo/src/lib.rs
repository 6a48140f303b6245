//! Rolling latency statistics for the status dashboard.

mod window;

pub use window::RollingWindow;
