//! What the `spotter-bench` binary and its tests share: the crash-safety run (a writer
//! process killed with SIGKILL at random moments, and the checks after each kill).

pub mod crash;
