//! A token trie: phrases as sequences of vocabulary ids, longest match from a position.
//! Edges live in one hash map keyed by (node, token) — compact, and one probe per step.

use rustc_hash::FxHashMap;

#[derive(Debug, Default)]
pub struct Trie {
    edges: FxHashMap<(u32, u32), u32>,
    /// Payload index of each node (u32::MAX: no phrase ends here).
    values: Vec<u32>,
    /// Bit set of the words that start a phrase: most tokens start none, and this answers
    /// for them without hashing.
    starts: Vec<u64>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie { edges: FxHashMap::default(), values: vec![u32::MAX], starts: Vec::new() }
    }

    fn may_start(&self, id: u32) -> bool {
        self.starts.get((id / 64) as usize).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// Insert a phrase; returns the existing payload if the phrase was already present.
    pub fn insert(&mut self, phrase: &[u32], payload: u32) -> Option<u32> {
        if let Some(&first) = phrase.first() {
            let word = (first / 64) as usize;
            if self.starts.len() <= word {
                self.starts.resize(word + 1, 0);
            }
            self.starts[word] |= 1 << (first % 64);
        }
        let mut node = 0u32;
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
        let mut i = if ids.first().is_some_and(|&id| self.may_start(id)) { 0 } else { ids.len() };
        std::iter::from_fn(move || {
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

    /// The longest phrase starting at `ids[0]`.
    pub fn longest_at(&self, ids: &[u32]) -> Option<(usize, u32)> {
        self.matches_at(ids).last()
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
}
