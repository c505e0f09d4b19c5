//! Results of long computations (purchase histories, model fits) kept until the records they were made
//! of change: each is stored with the totals' generation it was made at and given back only for the same.

use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// How many results are kept at most; the oldest goes first.
const KEPT: usize = 8;

type Entry = (String, i64, Arc<dyn Any + Send + Sync>);

/// A small store of results by key and generation, shared by every report of one window or process.
#[derive(Default)]
pub struct Cache {
    entries: Mutex<VecDeque<Entry>>,
}

impl Cache {
    /// The result kept under `key` for `generation`, if it is a `T`.
    pub fn get<T: Any + Send + Sync>(&self, key: &str, generation: i64) -> Option<Arc<T>> {
        let entries = self.entries.lock().ok()?;
        entries
            .iter()
            .find(|(k, g, _)| k == key && *g == generation)
            .and_then(|(_, _, v)| v.clone().downcast::<T>().ok())
    }

    /// Keeps `value` under `key` for `generation`, replacing what was kept under the key.
    pub fn put<T: Any + Send + Sync>(&self, key: &str, generation: i64, value: Arc<T>) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(k, _, _)| k != key);
            if entries.len() >= KEPT {
                entries.pop_front();
            }
            entries.push_back((key.to_string(), generation, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_given_back_only_for_the_generation_it_was_made_at() {
        let cache = Cache::default();
        cache.put("clv", 3, Arc::new(42u32));
        assert_eq!(cache.get::<u32>("clv", 3).as_deref(), Some(&42));
        assert!(
            cache.get::<u32>("clv", 4).is_none(),
            "the records changed since"
        );
        assert!(
            cache.get::<String>("clv", 3).is_none(),
            "another type is not this one"
        );
    }

    #[test]
    fn the_oldest_result_leaves_first() {
        let cache = Cache::default();
        for i in 0..(KEPT as i64 + 1) {
            cache.put(&format!("k{i}"), 1, Arc::new(i));
        }
        assert!(cache.get::<i64>("k0", 1).is_none());
        assert!(cache.get::<i64>(&format!("k{KEPT}"), 1).is_some());
    }
}
