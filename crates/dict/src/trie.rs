//! A token trie: phrases as sequences of vocabulary ids, longest match from a position.
//! Edges live in one hash map keyed by (node, token) — compact, and one probe per step.

use rustc_hash::FxHashMap;

/// A phrase element matching any run of up to [`MAX_GAP`] tokens, none included (TABARI's space
/// between the words of a name: "PRINCE DOL_AMROTH" is "Prince of Dol Amroth").
pub const GAP: u32 = u32::MAX - 1;
pub const MAX_GAP: usize = 4;
/// Id of a punctuation token no dictionary mentions: a gap does not reach across it.
pub const PUNCT: u32 = u32::MAX - 2;

#[derive(Debug, Default)]
pub struct Trie {
    edges: FxHashMap<(u32, u32), u32>,
    /// Payload index of each node (u32::MAX: no phrase ends here).
    values: Vec<u32>,
    /// Whether some phrase has a [`GAP`]; without one, matching is a plain walk.
    has_gaps: bool,
    /// Bit set of the words that start a phrase: most tokens start none, and this answers
    /// for them without hashing. (A phrase never starts with a gap.)
    starts: Vec<u64>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie { edges: FxHashMap::default(), values: vec![u32::MAX], has_gaps: false, starts: Vec::new() }
    }

    #[inline]
    fn may_start(&self, id: u32) -> bool {
        self.starts.get((id / 64) as usize).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// Insert a phrase; returns the existing payload if the phrase was already present.
    pub fn insert(&mut self, phrase: &[u32], payload: u32) -> Option<u32> {
        if let Some(&first) = phrase.first().filter(|&&f| f < PUNCT) {
            let word = (first / 64) as usize;
            if self.starts.len() <= word {
                self.starts.resize(word + 1, 0);
            }
            self.starts[word] |= 1 << (first % 64);
        }
        let mut node = 0u32;
        self.has_gaps |= phrase.contains(&GAP);
        for &t in phrase {
            let next = self.values.len() as u32;
            node = *self.edges.entry((node, t)).or_insert_with(|| next);
            if node == next {
                self.values.push(u32::MAX);
            }
        }
        let slot = &mut self.values[node as usize];
        if *slot == u32::MAX {
            *slot = payload;
            None
        } else {
            Some(*slot)
        }
    }

    /// Every phrase that starts at `ids[0]`: `(length, payload)`, shortest first.
    pub fn matches_at<'a>(&'a self, ids: &'a [u32]) -> impl Iterator<Item = (usize, u32)> + 'a {
        let mut node = 0u32;
        let starts = ids.first().is_some_and(|&id| self.may_start(id));
        let mut i = if starts { 0 } else { ids.len() };
        let gapped = if self.has_gaps && starts { self.gapped_matches(ids) } else { Vec::new() };
        let plain = !self.has_gaps;
        let mut gapped = gapped.into_iter();
        std::iter::from_fn(move || {
            if !plain {
                return gapped.next();
            }
            while i < ids.len() {
                node = *self.edges.get(&(node, ids[i]))?;
                i += 1;
                let v = self.values[node as usize];
                if v != u32::MAX {
                    return Some((i, v));
                }
            }
            None
        })
    }

    /// All matches when phrases may contain gaps, shortest first (one per length: the first
    /// found, which skips fewest tokens).
    fn gapped_matches(&self, ids: &[u32]) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> = Vec::new();
        let mut stack = vec![(0u32, 0usize)];
        while let Some((node, i)) = stack.pop() {
            if node != 0 {
                let v = self.values[node as usize];
                if v != u32::MAX && !out.iter().any(|&(n, _)| n == i) {
                    out.push((i, v));
                }
            }
            if let Some(&child) = self.edges.get(&(node, GAP)) {
                // The gap is followed by a word: try it after skipping 0..=MAX_GAP tokens.
                let reach = (0..=MAX_GAP).take_while(|&k| k == 0 || ids.get(i + k - 1).is_some_and(|&t| t != PUNCT)).last().unwrap_or(0);
                for skip in (0..=reach).rev() {
                    if i + skip < ids.len() {
                        if let Some(&next) = self.edges.get(&(child, ids[i + skip])) {
                            stack.push((next, i + skip + 1));
                        }
                    }
                }
            }
            if i < ids.len() {
                if let Some(&next) = self.edges.get(&(node, ids[i])) {
                    stack.push((next, i + 1));
                }
            }
        }
        out.sort_by_key(|&(n, _)| n);
        out
    }

    /// The longest phrase starting at `ids[0]`.
    #[inline]
    pub fn longest_at(&self, ids: &[u32]) -> Option<(usize, u32)> {
        // Most tokens start no phrase: answered here, without a call.
        match ids.first() {
            Some(&first) if self.may_start(first) => self.longest_from(ids),
            _ => None,
        }
    }

    /// [`Trie::longest_at`] once `ids[0]` may start a phrase: the last of [`Trie::matches_at`].
    fn longest_from(&self, ids: &[u32]) -> Option<(usize, u32)> {
        if self.has_gaps {
            return self.gapped_matches(ids).last().copied();
        }
        let mut node = 0u32;
        let mut best = None;
        for (i, &t) in ids.iter().enumerate() {
            let Some(&next) = self.edges.get(&(node, t)) else { break };
            node = next;
            let v = self.values[node as usize];
            if v != u32::MAX {
                best = Some((i + 1, v));
            }
        }
        best
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match() {
        let mut t = Trie::new();
        t.insert(&[1], 10);
        t.insert(&[1, 2, 3], 11);
        assert_eq!(t.longest_at(&[1, 2, 3, 4]), Some((3, 11)));
        assert_eq!(t.longest_at(&[1, 2, 9]), Some((1, 10)));
        assert_eq!(t.longest_at(&[2]), None);
        assert_eq!(t.matches_at(&[1, 2, 3]).collect::<Vec<_>>(), vec![(1, 10), (3, 11)]);
    }

    #[test]
    fn gaps_skip_a_few_tokens() {
        let mut t = Trie::new();
        t.insert(&[1, GAP, 2], 20);
        t.insert(&[1], 10);
        assert_eq!(t.longest_at(&[1, 2]), Some((2, 20)));
        assert_eq!(t.longest_at(&[1, 7, 8, 2, 9]), Some((4, 20)));
        assert_eq!(t.longest_at(&[1, 5, 6, 7, 8, 9, 2]), Some((1, 10)));
        assert_eq!(t.matches_at(&[1, 7, 2]).collect::<Vec<_>>(), vec![(1, 10), (3, 20)]);
        assert_eq!(t.longest_at(&[1, PUNCT, 2]), Some((1, 10)));
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
        }
    }

    /// `longest_at` is the last of `matches_at`, on random tries with and without gaps.
    #[test]
    fn longest_is_the_last_match_on_random_tries() {
        let mut rng = Rng(0x7e1e_5eed_0bad_cafe);
        for round in 0..400 {
            let gaps = round % 2 == 1;
            let vocab = 2 + rng.below(12) as u32;
            let mut t = Trie::new();
            for p in 0..1 + rng.below(40) {
                let len = 1 + rng.below(5) as usize;
                let phrase: Vec<u32> = (0..len).map(|k| if gaps && k > 0 && rng.below(4) == 0 { GAP } else { rng.below(vocab as u64) as u32 }).collect();
                t.insert(&phrase, p as u32);
            }
            for _ in 0..200 {
                let len = rng.below(12) as usize;
                let ids: Vec<u32> = (0..len)
                    .map(|_| match rng.below(10) {
                        0 => PUNCT,
                        1 => u32::MAX,
                        _ => rng.below(vocab as u64 + 2) as u32,
                    })
                    .collect();
                assert_eq!(t.longest_at(&ids), t.matches_at(&ids).last(), "{ids:?}");
            }
        }
    }
}
