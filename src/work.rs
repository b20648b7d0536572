//! The work of the loops that input can make long: counted, so unit tests
//! can check that the cost of n and 4n grows linearly (by counting steps,
//! which a loaded machine cannot skew, not by wall time; outside tests
//! [`step`] is empty and compiles away), and shared between two cores
//! where the input is large ([`join`]).

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Set by [`one_thread`]: [`join`] then never spawns.
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `f` run with every [`join`] on this thread sequential, to check that
/// the two-core path gives the same result.
#[cfg(test)]
pub fn one_thread<T>(f: impl FnOnce() -> T) -> T {
    ONE_THREAD.with(|o| o.set(true));
    let out = f();
    ONE_THREAD.with(|o| o.set(false));
    out
}

/// Records `n` steps of work (bytes scanned, items visited).
#[inline(always)]
pub fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps `f` recorded on this thread.
#[cfg(test)]
pub fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(|s| s.get());
    let out = f();
    (out, STEPS.with(|s| s.get()) - before)
}

/// How the work of `f(4n)` compares with that of `f(n)`: about 4 when it
/// grows linearly, 16 when it grows with the square.
#[cfg(test)]
pub fn growth(n: usize, f: impl Fn(usize)) -> f64 {
    let (_, small) = counted(|| f(n));
    let (_, large) = counted(|| f(4 * n));
    assert!(small > 0, "the work is not counted");
    large as f64 / small as f64
}

/// Runs `a` and `b`, on two threads when `large` and the machine has a
/// second core, else one after the other; the results are the same either
/// way (the steps of `a` are counted on the caller's thread). For the few
/// stages whose input can be large enough to pay for a thread.
pub fn join<A: Send, B: Send>(
    large: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    #[cfg(test)]
    let large = large && !ONE_THREAD.with(std::cell::Cell::get);
    if !large || cores < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let first = scope.spawn(|| steps_of(a));
        let second = b();
        let (first, steps) = first
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        step(steps as usize);
        (first, second)
    })
}

/// `f`'s result and the steps it recorded (none outside tests).
fn steps_of<T>(f: impl FnOnce() -> T) -> (T, u64) {
    #[cfg(test)]
    return counted(f);
    #[cfg(not(test))]
    (f(), 0)
}
