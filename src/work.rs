//! Counting the work of the loops that input can make long, so unit tests
//! can check that the cost of n and 4n grows linearly (by counting steps,
//! which a loaded machine cannot skew, not by wall time). Outside tests
//! [`step`] is empty and compiles away.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
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
