//! Bounded batches over threads: documents read a batch at a time, worked on
//! by threads that each take the next item as they finish one, and given back
//! in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Documents read and worked on together; large enough to keep every thread
/// busy, small enough that memory does not grow with the input.
pub const BATCH_DOCUMENTS: usize = 256;

/// One thread per core (1 when that cannot be known).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Reads items from a source a batch at a time and works on each batch over
/// threads. The source stays reachable ([`Batches::source`]) between batches,
/// for its running counts.
pub struct Batches<It> {
    source: It,
    threads: usize,
    size: usize,
}

impl<It: Iterator> Batches<It> {
    /// Batches of [`BATCH_DOCUMENTS`] items over `threads` threads (at least one).
    pub fn new(source: It, threads: usize) -> Batches<It> {
        Batches {
            source,
            threads: threads.max(1),
            size: BATCH_DOCUMENTS,
        }
    }

    /// Sets the batch size (at least one).
    pub fn with_size(mut self, size: usize) -> Batches<It> {
        self.size = size.max(1);
        self
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// The source, for its counts.
    pub fn source(&self) -> &It {
        &self.source
    }

    /// The next batch of items as read, without working on them; `None` at
    /// the end of the source.
    pub fn next_items(&mut self) -> Option<Vec<It::Item>> {
        let items: Vec<It::Item> = self.source.by_ref().take(self.size).collect();
        (!items.is_empty()).then_some(items)
    }

    /// The next batch: every item with what `work` made of it, in input order.
    pub fn next_with<R: Send>(
        &mut self,
        work: impl Fn(&It::Item) -> R + Sync,
    ) -> Option<Vec<(It::Item, R)>>
    where
        It::Item: Sync,
    {
        let items = self.next_items()?;
        let results = map_in_order(&items, self.threads, work);
        Some(items.into_iter().zip(results).collect())
    }
}

/// Applies `f` to every item on `threads` threads and returns the results in
/// the items' order. Threads take the next item as they finish one, so one
/// slow document does not leave the other threads idle.
pub fn map_in_order<I: Sync, R: Send>(
    items: &[I],
    threads: usize,
    f: impl Fn(&I) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = f(item);
                if let Ok(mut done) = done.lock() {
                    done.push((i, result));
                }
            });
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..100).collect();
        // Uneven work: some items take much longer than others.
        let slow =
            |&n: &u64| -> u64 { (0..(n % 7) * 20_000).fold(n, |a, b| a ^ b.wrapping_mul(31)) };
        let one = map_in_order(&items, 1, slow);
        for threads in [2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, slow), one);
        }
    }

    #[test]
    fn batches_cover_the_source_in_order_and_errors_stay_data() {
        let source = (0..10).map(|n| if n == 4 { Err(n) } else { Ok(n) });
        let mut batches = Batches::new(source, 3).with_size(4);
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        while let Some(batch) = batches.next_with(|item| item.map(|n| n * 10)) {
            sizes.push(batch.len());
            seen.extend(batch.into_iter().map(|(_, r)| r));
        }
        assert_eq!(sizes, [4, 4, 2]);
        assert_eq!(seen[3], Ok(30));
        assert_eq!(seen[4], Err(4));
        assert_eq!(seen[9], Ok(90));
    }
}
