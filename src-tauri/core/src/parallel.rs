//! Work on every item of a list spread over the machine's cores, results in the list's order.

/// `f` of every item, in order, the items cut into one run per core (each on a thread of its own).
pub(crate) fn map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || items.len() < 1_000 {
        return items.into_iter().map(f).collect();
    }
    let per_run = items.len().div_ceil(cores);
    let mut runs: Vec<Vec<T>> = Vec::with_capacity(cores);
    let mut items = items.into_iter();
    loop {
        let run: Vec<T> = items.by_ref().take(per_run).collect();
        if run.is_empty() {
            break;
        }
        runs.push(run);
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = runs
            .into_iter()
            .map(|run| s.spawn(move || run.into_iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_their_items() {
        let items: Vec<u64> = (0..10_007).collect();
        let squares = super::map(items, |n| n * n);
        assert_eq!(squares.len(), 10_007, "one result for every item");
        assert!(
            squares
                .iter()
                .enumerate()
                .all(|(i, s)| *s == (i * i) as u64),
            "each result sits where its item was"
        );
    }
}
