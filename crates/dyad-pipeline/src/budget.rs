//! The per-document time budget of coding: how much CPU time one document
//! may take before it is reported as an error instead of coded.
//!
//! Time is the coding thread's CPU time, not the wall clock: a document
//! costs the same whether the machine is idle or busy, so the same input
//! gives the same output under load. (Where the thread's CPU time cannot
//! be read, the wall clock stands in.)

use std::time::{Duration, Instant};

use dyad_types::DocError;

/// The default time budget per document: about 400 KB of news text on one
/// core of an ordinary machine — fifty long articles in one document. A
/// news article takes a few milliseconds.
pub const DEFAULT_DOCUMENT_BUDGET: Duration = Duration::from_secs(2);

/// A running clock for one document, started on the thread that codes it.
pub(crate) struct Clock {
    budget: Option<Duration>,
    started: Started,
}

enum Started {
    Cpu(Duration),
    Wall(Instant),
}

impl Clock {
    /// Starts the clock on the calling thread; `None` is no limit.
    pub(crate) fn start(budget: Option<Duration>) -> Clock {
        let started = match thread_cpu_time() {
            Some(cpu) => Started::Cpu(cpu),
            None => Started::Wall(Instant::now()),
        };
        Clock { budget, started }
    }

    /// Time spent since the start.
    fn spent(&self) -> Duration {
        match self.started {
            Started::Cpu(at) => {
                thread_cpu_time().map_or(Duration::ZERO, |now| now.saturating_sub(at))
            }
            Started::Wall(at) => at.elapsed(),
        }
    }

    /// Whether the budget is spent.
    pub(crate) fn over(&self) -> bool {
        self.budget.is_some_and(|budget| self.spent() > budget)
    }

    /// The error for document `id`, stopped at `stage` (what it was doing,
    /// how far it got).
    pub(crate) fn error(&self, id: &str, stage: &str) -> DocError {
        let budget = self.budget.unwrap_or_default().as_secs_f64();
        DocError::new(
            id,
            format!(
                "over the time budget of {budget} s per document: stopped while {stage}; \
                 raise it with --doc-budget SECONDS (0 for none), or split the document"
            ),
        )
    }
}

/// The CPU time the calling thread has used.
#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec; the call only writes it.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    if status != 0 {
        return None;
    }
    Some(Duration::new(
        u64::try_from(now.tv_sec).ok()?,
        u32::try_from(now.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_counts_this_threads_work_and_no_budget_never_runs_out() {
        let unlimited = Clock::start(None);
        let tight = Clock::start(Some(Duration::from_millis(20)));
        // Work, not sleep: CPU time moves only when the thread works.
        let mut x = 0u64;
        while !tight.over() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            std::hint::black_box(x);
        }
        assert!(tight.spent() > Duration::from_millis(20));
        assert!(!unlimited.over());
        let message = tight.error("doc-1", "parsing sentence 3 of 9").error;
        assert!(message.contains("time budget of 0.02 s"), "{message}");
        assert!(message.contains("--doc-budget"), "{message}");
    }
}
