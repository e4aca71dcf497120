//! Decoding head scores into a dependency tree: whether each word's best head
//! already gives one, and Eisner's algorithm for the best projective tree with
//! a single root when it does not.

/// Whether `heads` (of words 1..=n, values 0..=n) form a tree with exactly one
/// word on the root.
pub(crate) fn is_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    if heads.iter().filter(|&&h| h == 0).count() != 1 {
        return false;
    }
    // 0 = unvisited, 1 = on the current path, 2 = reaches the root.
    let mut state = vec![0u8; n + 1];
    state[0] = 2;
    for start in 1..=n {
        let mut v = start;
        while state[v] == 0 {
            state[v] = 1;
            v = heads[v - 1];
            if v > n {
                return false;
            }
        }
        if state[v] == 1 {
            return false;
        }
        // Mark the path just walked as reaching the root.
        let mut v = start;
        while state[v] == 1 {
            state[v] = 2;
            v = heads[v - 1];
        }
    }
    true
}

/// The split point of `range` with the highest score, the first of equals
/// (`fallback` when no score beats minus infinity).
fn best_split(
    range: std::ops::Range<usize>,
    fallback: usize,
    score: impl Fn(usize) -> f32,
) -> (f32, usize) {
    range.fold((f32::NEG_INFINITY, fallback), |(best, arg), r| {
        let v = score(r);
        if v > best {
            (v, r)
        } else {
            (best, arg)
        }
    })
}

/// Eisner's algorithm: the best projective tree over words 1..=n with exactly one
/// word attached to the root 0, for arc scores `score(head, dep)`. Returns each
/// word's head.
pub(crate) fn eisner(n: usize, score: impl Fn(usize, usize) -> f32) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    // Spans over word indices 0..n (word k is position k + 1). `comp[s][t][0]`:
    // complete span headed at t (left-facing), `[1]` headed at s.
    let idx = |s: usize, t: usize| s * n + t;
    let neg = f32::NEG_INFINITY;
    let mut comp = [vec![neg; n * n], vec![neg; n * n]];
    let mut inc = [vec![neg; n * n], vec![neg; n * n]];
    let mut comp_bp = [vec![0u32; n * n], vec![0u32; n * n]];
    let mut inc_bp = vec![0u32; n * n];
    for s in 0..n {
        comp[0][idx(s, s)] = 0.0;
        comp[1][idx(s, s)] = 0.0;
    }
    let sc = |h: usize, d: usize| {
        let v = score(h, d);
        if v.is_finite() {
            v
        } else {
            -1e30
        }
    };
    for len in 1..n {
        for s in 0..n - len {
            let t = s + len;
            let (best, arg) = best_split(s..t, s, |r| comp[1][idx(s, r)] + comp[0][idx(r + 1, t)]);
            inc[0][idx(s, t)] = best + sc(t + 1, s + 1);
            inc[1][idx(s, t)] = best + sc(s + 1, t + 1);
            inc_bp[idx(s, t)] = arg as u32;
            let (best, arg) = best_split(s..t, s, |r| comp[0][idx(s, r)] + inc[0][idx(r, t)]);
            comp[0][idx(s, t)] = best;
            comp_bp[0][idx(s, t)] = arg as u32;
            let (best, arg) =
                best_split(s + 1..t + 1, t, |r| inc[1][idx(s, r)] + comp[1][idx(r, t)]);
            comp[1][idx(s, t)] = best;
            comp_bp[1][idx(s, t)] = arg as u32;
        }
    }
    let (mut best, mut top) = (neg, 0);
    for r in 0..n {
        let v = comp[0][idx(0, r)] + comp[1][idx(r, n - 1)] + sc(0, r + 1);
        if v > best || r == 0 {
            best = v;
            top = r;
        }
    }
    let mut heads = vec![0usize; n];
    // (s, t, kind): kind 0/1 complete left/right, 2/3 incomplete left/right.
    let mut stack = vec![(0, top, 0u8), (top, n - 1, 1u8)];
    while let Some((s, t, kind)) = stack.pop() {
        if s == t {
            continue;
        }
        match kind {
            0 => {
                let r = comp_bp[0][idx(s, t)] as usize;
                stack.push((s, r, 0));
                stack.push((r, t, 2));
            }
            1 => {
                let r = comp_bp[1][idx(s, t)] as usize;
                stack.push((s, r, 3));
                stack.push((r, t, 1));
            }
            _ => {
                if kind == 2 {
                    heads[s] = t + 1;
                } else {
                    heads[t] = s + 1;
                }
                let r = inc_bp[idx(s, t)] as usize;
                stack.push((s, r, 1));
                stack.push((r + 1, t, 0));
            }
        }
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eisner_finds_the_best_projective_tree_with_one_root() {
        // Scores favour 2 → 1, 0 → 2, 2 → 3, and a second root (0 → 3) that must lose.
        let s = |h: usize, d: usize| match (h, d) {
            (2, 1) => 5.0,
            (0, 2) => 4.0,
            (2, 3) => 3.0,
            (0, 3) => 3.5,
            _ => 0.0,
        };
        assert_eq!(eisner(3, s), vec![2, 0, 2]);
        assert_eq!(eisner(1, |_, _| 0.0), vec![0]);
        let heads = eisner(40, |h, d| ((h * 7 + d * 3) % 11) as f32);
        assert!(is_tree(&heads));
    }

    #[test]
    fn tree_check_rejects_cycles_and_second_roots() {
        assert!(is_tree(&[2, 0, 2]));
        assert!(!is_tree(&[2, 1, 0]));
        assert!(!is_tree(&[0, 0]));
        assert!(!is_tree(&[3, 3, 1]));
    }
}
