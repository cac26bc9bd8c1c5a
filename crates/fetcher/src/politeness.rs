//! Politeness: how many requests may run, and when the next one to a host
//! may start.
//!
//! Owns: the global concurrency limit, the per-host concurrency limit and
//! the minimum delay between two requests to one host (the larger of the
//! configured delay and the host's robots.txt `Crawl-delay`).
//! Must not know: what is requested or why.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// One host's limits.
struct Host {
    slots: Arc<Semaphore>,
    /// The earliest time the next request may start.
    next: tokio::sync::Mutex<Instant>,
}

/// The limits of one run.
pub struct Politeness {
    global: Arc<Semaphore>,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// Held while a request runs: a global slot and a slot of its host.
pub struct Turn {
    /// Kept by the caller until the fetched page is handed on, so pages in
    /// memory are bounded by the global limit.
    pub global: OwnedSemaphorePermit,
    _host: OwnedSemaphorePermit,
}

impl Politeness {
    pub fn new(global: usize, per_host: usize) -> Self {
        Politeness {
            global: Arc::new(Semaphore::new(global.max(1))),
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    fn host(&self, origin: &str) -> Arc<Host> {
        let mut hosts = match self.hosts.lock() {
            Ok(h) => h,
            Err(poisoned) => poisoned.into_inner(),
        };
        hosts
            .entry(origin.to_string())
            .or_insert_with(|| {
                Arc::new(Host {
                    slots: Arc::new(Semaphore::new(self.per_host)),
                    next: tokio::sync::Mutex::new(Instant::now()),
                })
            })
            .clone()
    }

    /// Waits until a request to `origin` may start: a host slot, `delay`
    /// after the previous start, then a global slot.
    pub async fn turn(&self, origin: &str, delay: Duration) -> Turn {
        let host = self.host(origin);
        // Semaphores are never closed, so acquiring cannot fail; a closed
        // one would only mean "no limit".
        let host_permit = loop {
            if let Ok(p) = host.slots.clone().acquire_owned().await {
                break p;
            }
        };
        {
            let mut next = host.next.lock().await;
            let now = Instant::now();
            if *next > now {
                tokio::time::sleep_until(*next).await;
            }
            *next = Instant::now() + delay;
        }
        let global = loop {
            if let Ok(p) = self.global.clone().acquire_owned().await {
                break p;
            }
        };
        Turn {
            global,
            _host: host_permit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_to_one_host_are_spaced_others_are_not() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let delay = Duration::from_millis(200);
            let p = Politeness::new(4, 1);
            let start = Instant::now();
            let a = p.turn("http://a:80", delay).await;
            drop(a);
            let _b = p.turn("http://b:80", delay).await;
            assert!(start.elapsed() < Duration::from_millis(100));
            let _a2 = p.turn("http://a:80", delay).await;
            assert!(start.elapsed() >= delay);
        });
    }
}
