//! A list of records that each have an id (items, themes, dots, responses, tombstones),
//! in the order the board keeps them, with an index from id to position, so that finding
//! one costs the same on a board of ten or of ten thousand.
//!
//! Reading goes through `Deref` to the `Vec`. The index is built on the first lookup
//! and kept up to date by [`IdList::insert`], [`IdList::remove`] and [`IdList::push`],
//! which is what [`super::Edit::apply`] uses. Any other change (through `DerefMut`:
//! sorting, `retain`, indexing with `[i]`) drops the index, and the next lookup builds
//! it again, so the index can never be stale.

use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What the list is indexed by.
pub trait HasId {
    fn id_str(&self) -> &str;
}

/// A `Vec<T>` with an id → position index. Equality, serialisation and `Debug` are those
/// of the `Vec`; the index is invisible.
pub struct IdList<T> {
    list: Vec<T>,
    index: OnceLock<HashMap<Box<str>, usize>>,
}

impl<T: HasId> IdList<T> {
    pub fn new() -> Self {
        Self { list: Vec::new(), index: OnceLock::new() }
    }

    fn index(&self) -> &HashMap<Box<str>, usize> {
        self.index.get_or_init(|| {
            let mut index = HashMap::with_capacity(self.list.len());
            for (i, value) in self.list.iter().enumerate() {
                // With duplicate ids (a file before repair) the first one is found.
                index.entry(value.id_str().into()).or_insert(i);
            }
            index
        })
    }

    /// Where the record with this id is.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index().get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.position(id).map(|i| &self.list[i])
    }

    /// The record with this id, to change anything but its id.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let i = self.position(id)?;
        Some(&mut self.list[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// Inserts at `at`, keeping the index.
    pub fn insert(&mut self, at: usize, value: T) {
        if at == self.list.len() {
            // On top: nothing moves (a thousand new cards cost a thousand pushes).
            return self.push(value);
        }
        if let Some(index) = self.index.get_mut() {
            for i in index.values_mut() {
                if *i >= at {
                    *i += 1;
                }
            }
            index.entry(value.id_str().into()).or_insert(at);
        }
        self.list.insert(at, value);
    }

    /// Appends, keeping the index.
    pub fn push(&mut self, value: T) {
        let at = self.list.len();
        if let Some(index) = self.index.get_mut() {
            index.entry(value.id_str().into()).or_insert(at);
        }
        self.list.push(value);
    }

    /// Removes the record at `at`, keeping the index.
    pub fn remove(&mut self, at: usize) -> T {
        let value = self.list.remove(at);
        if let Some(index) = self.index.get_mut() {
            if index.get(value.id_str()) == Some(&at) {
                index.remove(value.id_str());
            }
            for i in index.values_mut() {
                if *i > at {
                    *i -= 1;
                }
            }
            if self.list.iter().any(|v| v.id_str() == value.id_str()) {
                // A duplicate id stays behind (only before repair): index afresh.
                self.index = OnceLock::new();
            }
        }
        value
    }

    /// Puts `value` at `at` in place of the record there, which has the same id.
    pub fn replace(&mut self, at: usize, value: T) -> T {
        debug_assert_eq!(self.list[at].id_str(), value.id_str());
        std::mem::replace(&mut self.list[at], value)
    }

    pub fn into_vec(self) -> Vec<T> {
        self.list
    }
}

impl<T> Deref for IdList<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.list
    }
}

impl<T> DerefMut for IdList<T> {
    /// Any change made through the `Vec` may move or rename records: the index goes.
    fn deref_mut(&mut self) -> &mut Vec<T> {
        self.index = OnceLock::new();
        &mut self.list
    }
}

impl<T: HasId> Default for IdList<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone> Clone for IdList<T> {
    fn clone(&self) -> Self {
        Self { list: self.list.clone(), index: self.index.clone() }
    }
}

impl<T: PartialEq> PartialEq for IdList<T> {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for IdList<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list.fmt(f)
    }
}

impl<T> From<Vec<T>> for IdList<T> {
    fn from(list: Vec<T>) -> Self {
        Self { list, index: OnceLock::new() }
    }
}

impl<T> FromIterator<T> for IdList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<'a, T> IntoIterator for &'a IdList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut IdList<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    /// Records may change their ids: the index goes, as with `DerefMut`.
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T> IntoIterator for IdList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl<T: Serialize> Serialize for IdList<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct R(&'static str, u32);
    impl HasId for R {
        fn id_str(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn the_index_follows_every_change() {
        let mut list: IdList<R> = vec![R("a", 1), R("c", 3)].into();
        assert_eq!(list.position("c"), Some(1));
        list.insert(1, R("b", 2));
        assert_eq!((list.position("a"), list.position("b"), list.position("c")), (Some(0), Some(1), Some(2)));
        list.push(R("d", 4));
        assert_eq!(list.get("d"), Some(&R("d", 4)));
        assert_eq!(list.remove(0), R("a", 1));
        assert_eq!((list.position("a"), list.position("b"), list.position("d")), (None, Some(0), Some(2)));
        // Changes through the Vec drop the index, so lookups stay right.
        list.reverse();
        assert_eq!(list.position("d"), Some(0));
        list[0] = R("z", 9);
        assert_eq!((list.position("d"), list.position("z")), (None, Some(0)));
        list.get_mut("z").unwrap().1 = 10;
        assert_eq!(list.get("z"), Some(&R("z", 10)));
    }

    #[test]
    fn duplicates_find_the_first_and_survive_removal() {
        let mut list: IdList<R> = vec![R("a", 1), R("a", 2), R("b", 3)].into();
        assert_eq!(list.get("a"), Some(&R("a", 1)));
        list.remove(0);
        assert_eq!(list.get("a"), Some(&R("a", 2)));
        assert_eq!(list.position("b"), Some(1));
    }

    #[test]
    fn equality_and_clones_ignore_the_index() {
        let a: IdList<R> = vec![R("a", 1)].into();
        let b: IdList<R> = vec![R("a", 1)].into();
        let _ = a.position("a");
        assert_eq!(a, b);
        let c = a.clone();
        assert_eq!(c.get("a"), Some(&R("a", 1)));
    }
}
