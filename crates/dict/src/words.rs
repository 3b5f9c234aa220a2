//! A frozen word → id table for the hot path: every token of every sentence is looked up once.
//!
//! The vocabulary is complete once the dictionaries are compiled, so it is copied into one open
//! addressing table (linear probing, at most half full) over keys packed into one byte string.
//! A word of up to eight bytes (most of them) is read as one `u64` ([`short_word`]), kept in its
//! entry: hashing it and comparing it with a key take a few instructions and no `memcmp`.

/// A word → id map, built once.
#[derive(Debug, Default)]
pub(crate) struct WordTable {
    /// Per slot: 1 + index into `entries`, or 0 for an empty slot.
    slots: Vec<u32>,
    entries: Vec<Entry>,
    /// The keys, one after the other.
    bytes: Vec<u8>,
    /// Bits of the hash that pick the first slot.
    shift: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u64,
    /// [`short_word`] of a key of up to eight bytes.
    word: u64,
    start: u32,
    len: u32,
    id: u32,
}

impl WordTable {
    /// A table of `words` (distinct keys).
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = (&'a str, u32)>) -> WordTable {
        let mut entries = Vec::new();
        let mut bytes = Vec::new();
        for (w, id) in words {
            let start = u32::try_from(bytes.len()).expect("vocabulary under 4 GB");
            bytes.extend_from_slice(w.as_bytes());
            let word = if w.len() <= 8 { short_word(w.as_bytes()) } else { 0 };
            entries.push(Entry { hash: hash(w.as_bytes()), word, start, len: w.len() as u32, id });
        }
        let size = (entries.len() * 2).next_power_of_two().max(8);
        let shift = 64 - size.trailing_zeros();
        let mut t = WordTable { slots: vec![0; size], entries, bytes, shift };
        for (k, e) in t.entries.iter().enumerate() {
            let mut i = t.first_slot(e.hash);
            while t.slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] = k as u32 + 1;
        }
        t
    }

    #[inline]
    fn first_slot(&self, hash: u64) -> usize {
        // The high bits, after one more multiplication: `hash` mixes low bits least.
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The id of `word`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        if self.entries.is_empty() {
            return None;
        }
        let key = word.as_bytes();
        let h = hash(key);
        let mask = self.slots.len() - 1;
        let mut i = self.first_slot(h);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            let e = self.entries[s as usize - 1];
            if e.hash == h && e.len as usize == key.len() {
                let same = if key.len() <= 8 { e.word == short_word(key) } else { same_long(&self.bytes[e.start as usize..e.start as usize + key.len()], key) };
                if same {
                    return Some(e.id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The bytes of a key of up to eight bytes as one number: with the length, it tells the key
/// (bytes 0..4 and n-4..n cover a key of 4 to 8 bytes; 0, n/2 and n-1 one of 1 to 3).
#[inline]
fn short_word(k: &[u8]) -> u64 {
    let n = k.len();
    if n >= 4 {
        let lo = u32::from_le_bytes(k[..4].try_into().expect("four bytes"));
        let hi = u32::from_le_bytes(k[n - 4..].try_into().expect("four bytes"));
        u64::from(lo) | u64::from(hi) << 32
    } else if n > 0 {
        u64::from(k[0]) | u64::from(k[n / 2]) << 8 | u64::from(k[n - 1]) << 16
    } else {
        0
    }
}

#[inline]
fn u64_at(k: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(k[i..i + 8].try_into().expect("eight bytes"))
}

/// Equal slices of the same length over eight bytes: eight bytes at a time, then the last eight.
#[inline]
fn same_long(a: &[u8], b: &[u8]) -> bool {
    let n = b.len();
    (0..n / 8).all(|c| u64_at(a, 8 * c) == u64_at(b, 8 * c)) && u64_at(a, n - 8) == u64_at(b, n - 8)
}

/// A multiplicative hash of the key's length and bytes (as [`short_word`], or eight bytes at a
/// time and the last eight).
#[inline]
fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0xF135_7AEA_2E62_A9C5;
    let n = key.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n <= 8 {
        h = (h ^ short_word(key)).wrapping_mul(K);
    } else {
        for c in 0..n / 8 {
            h = (h.rotate_left(26) ^ u64_at(key, 8 * c)).wrapping_mul(K);
        }
        h = (h.rotate_left(26) ^ u64_at(key, n - 8)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    /// The table answers as the hash map it was built from, for its keys and for others.
    #[test]
    fn agrees_with_a_hash_map() {
        let mut map: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZ'-.,0123456789ÉÜ日".chars().collect();
        let mut probes = vec![String::new(), "A".into(), "AB".into(), "ABCDEFGH".into(), "ABCDEFGHI".into()];
        for n in 0..20_000u32 {
            let len = (next() % 20) as usize;
            let w: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            if n % 3 == 0 {
                map.entry(w.clone().into()).or_insert(n);
            }
            let mut shorter = w.clone();
            shorter.pop();
            probes.push(shorter);
            probes.push(format!("{w}S"));
            probes.push(w);
        }
        for (_, k) in (0..8).zip(map.keys().cloned().collect::<Vec<_>>()) {
            probes.push(k.to_string());
        }
        let table = WordTable::new(map.iter().map(|(k, &v)| (&**k, v)));
        for (k, &v) in &map {
            assert_eq!(table.get(k), Some(v), "{k:?}");
        }
        for p in &probes {
            assert_eq!(table.get(p), map.get(p.as_str()).copied(), "{p:?}");
        }
        let empty = WordTable::new(std::iter::empty());
        assert_eq!(empty.get("A"), None);
        assert_eq!(WordTable::default().get(""), None);
    }
}
