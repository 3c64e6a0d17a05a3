//! Making numbered pieces on rayon's threads while another thread takes
//! them in order, with a bounded number in flight.
//!
//! The sheet blocks had been made in batches (a parallel map, then the
//! batch written while the next was made), and each batch ended with one
//! thread idle while the other finished the last block: about a tenth of
//! two cores over the writing of a large workbook. Here the makers never
//! wait for a batch: each takes the next number as soon as it is free,
//! and only waits when it is `window` pieces ahead of the taker.

use std::sync::{Condvar, Mutex, MutexGuard};

/// Pieces `0..count`, made by [`Ordered::make_all`] and taken in order by
/// [`Ordered::take`].
pub(crate) struct Ordered<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
    window: usize,
}

struct State<T> {
    /// The next number to hand to a maker.
    next: usize,
    /// The next number the taker waits for.
    taken: usize,
    done: Vec<Option<T>>,
    stopped: bool,
}

impl<T: Send> Ordered<T> {
    /// `count` pieces, at most `window` (at least one) made ahead of the
    /// taker.
    pub fn new(count: usize, window: usize) -> Self {
        Ordered {
            state: Mutex::new(State {
                next: 0,
                taken: 0,
                done: (0..count).map(|_| None).collect(),
                stopped: false,
            }),
            changed: Condvar::new(),
            window: window.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // A maker that panicked stops the queue (see `Stop`) before the
        // lock could be poisoned mid-update, so the state is usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes pieces with `make` on every rayon thread until all are made
    /// or the queue is stopped. Returns when every maker has finished.
    pub fn make_all(&self, make: impl Fn(usize) -> T + Sync) {
        rayon::broadcast(|_| self.make_some(&make));
    }

    fn make_some(&self, make: &(impl Fn(usize) -> T + Sync)) {
        loop {
            let k = {
                let mut st = self.lock();
                loop {
                    if st.stopped || st.next >= st.done.len() {
                        return;
                    }
                    if st.next < st.taken + self.window {
                        break;
                    }
                    st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
                }
                st.next += 1;
                st.next - 1
            };
            // Should `make` panic, the taker must not wait for its piece.
            let stop = Stop(self);
            let piece = make(k);
            std::mem::forget(stop);
            self.lock().done[k] = Some(piece);
            self.changed.notify_all();
        }
    }

    /// Waits for the next piece in order; `None` once all were taken or the
    /// queue was stopped.
    pub fn take(&self) -> Option<T> {
        let mut st = self.lock();
        loop {
            let k = st.taken;
            if k >= st.done.len() || st.stopped {
                return None;
            }
            if let Some(piece) = st.done[k].take() {
                st.taken += 1;
                drop(st);
                self.changed.notify_all();
                return Some(piece);
            }
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Stops the makers and the taker (after a failure).
    pub fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    /// A guard that stops the queue when dropped: the taker holds one, so
    /// that however it ends (a failure, a panic) no maker waits for it.
    pub fn stop_on_drop(&self) -> Stop<'_, T> {
        Stop(self)
    }
}

/// Stops its queue when dropped (see [`Ordered::stop_on_drop`]).
pub(crate) struct Stop<'a, T: Send>(&'a Ordered<T>);

impl<T: Send> Drop for Stop<'_, T> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Pieces come in order however long each takes, and never more than
    /// the window are made ahead of the taker.
    #[test]
    fn pieces_are_taken_in_order_within_the_window() {
        let count = 200;
        let q = Ordered::new(count, 3);
        let ahead = AtomicUsize::new(0);
        let taken = AtomicUsize::new(0);
        let got = std::thread::scope(|s| {
            let taker = s.spawn(|| {
                let mut got = Vec::new();
                while let Some(k) = q.take() {
                    taken.store(got.len() + 1, Ordering::SeqCst);
                    got.push(k);
                }
                got
            });
            q.make_all(|k| {
                let lead = k + 1 - taken.load(Ordering::SeqCst).min(k + 1);
                ahead.fetch_max(lead, Ordering::SeqCst);
                // Pieces take uneven turns, so they finish out of order;
                // the assertions hold whatever the order.
                for _ in 0..k * 7919 % 13 {
                    std::thread::yield_now();
                }
                k
            });
            taker.join().unwrap()
        });
        assert_eq!(got, (0..count).collect::<Vec<_>>());
        // The taker counts a piece just after taking it, so a maker may
        // see one piece more in flight than the window allows.
        assert!(ahead.load(Ordering::SeqCst) <= 4, "{ahead:?}");
    }

    /// A stop ends both sides; a panicking maker stops the queue rather
    /// than leave the taker waiting for its piece.
    #[test]
    fn a_stop_or_a_panic_ends_the_queue() {
        let q = Ordered::new(1000, 4);
        std::thread::scope(|s| {
            let taker = s.spawn(|| {
                let mut n = 0;
                while let Some(r) = q.take() {
                    if r == 10 {
                        q.stop();
                    }
                    n += 1;
                }
                n
            });
            q.make_all(|k| k);
            assert_eq!(taker.join().unwrap(), 11);
        });
        let q = Ordered::new(1000, 4);
        let result = std::thread::scope(|s| {
            let taker = s.spawn(|| std::iter::from_fn(|| q.take()).count());
            let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                q.make_all(|k| if k == 20 { panic!("maker bug") } else { k })
            }));
            (made.is_err(), taker.join().unwrap())
        });
        assert!(result.0);
        assert!(result.1 <= 20, "{result:?}");
        // A taker that panics, holding its guard, releases the makers.
        let q = Ordered::new(1000, 4);
        let taker_failed = std::thread::scope(|s| {
            let taker = s.spawn(|| {
                let _stop = q.stop_on_drop();
                let first = q.take();
                assert_eq!(first, Some(0));
                panic!("taker bug");
            });
            q.make_all(|k| k);
            taker.join().is_err()
        });
        assert!(taker_failed);
    }
}
