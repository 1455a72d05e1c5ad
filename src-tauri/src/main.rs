// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    limit_malloc_arenas();
    paint_on_the_cpu();
    spotter::run();
}

/// WebKitGTK (2.46 on) paints pages with Skia on the GPU by default. Under a software OpenGL
/// (Mesa's llvmpipe: virtual machines, remote desktops, Xvfb) every shader program Skia
/// compiles for our buttons, badges, icons and shadows stays in the web process: 22 programs,
/// ~31 MB of its heap against a bare window's one (docs/BENCHMARKS.md, "Idle memory").
/// Painting on the CPU, as WebKitGTK always did before 2.46, keeps compositing and was no
/// slower on the calendar here. A WEBKIT_SKIA_ENABLE_CPU_RENDERING set by whoever starts
/// Spotter wins (0 brings GPU painting back).
#[cfg(target_os = "linux")]
fn paint_on_the_cpu() {
    const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(VAR).is_none() {
        // The web process WebKit starts later inherits it; no other thread exists yet.
        std::env::set_var(VAR, "1");
    }
}

#[cfg(not(target_os = "linux"))]
fn paint_on_the_cpu() {}

/// glibc gives every thread that allocates its own malloc arena (up to eight per core), and
/// each arena keeps freed memory for reuse: on a two-core machine the app and its WebKit
/// processes held ~11 MB of such idle memory (docs/BENCHMARKS.md, "Idle memory"). Two arenas
/// per process keep it small. A MALLOC_ARENA_MAX set by whoever starts Spotter wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    use std::ffi::c_int;
    const M_ARENA_MAX: c_int = -8;
    extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return; // glibc read it at start-up, for this process and the ones it starts
    }
    // SAFETY: mallopt only sets an allocator tunable; this runs first in main, before any
    // other thread exists.
    unsafe {
        mallopt(M_ARENA_MAX, 2);
    }
    // The WebKit web and network processes are started by this one and read it at their start.
    std::env::set_var("MALLOC_ARENA_MAX", "2");
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
