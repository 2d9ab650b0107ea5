//! Rectangles on the board (cards, frames) found by where they are, in logarithmic time
//! whatever their number and sizes: an R*-tree (`rstar`). Each rectangle has a key, its
//! place in the list it came from, so that a search that takes "the first one in the
//! way" takes the same one a walk down the list would.

use std::collections::{BTreeSet, HashMap};

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::too_close;
use crate::model::BoardRect;

/// A rectangle by its exact bits: cards piled on one spot share one entry in the tree.
type Spot = [u32; 4];

/// The tree holds each distinct rectangle once, as written (an inverted one too, beside
/// its bounding box); the keys of everything lying exactly there are kept beside it, so
/// that a pile of ten thousand cards on one spot costs one entry, not a slow search
/// through ten thousand equal ones each time one moves.
type Entry = GeomWithData<Rectangle<[f32; 2]>, Spot>;

/// Keyed rectangles, looked up by closeness.
pub(super) struct Index {
    tree: RTree<Entry>,
    at: HashMap<Spot, (BoardRect, BTreeSet<u32>)>,
}

fn spot(r: BoardRect) -> Spot {
    [r.min.x.to_bits(), r.min.y.to_bits(), r.max.x.to_bits(), r.max.y.to_bits()]
}

fn entry(r: BoardRect) -> Entry {
    GeomWithData::new(Rectangle::from_corners([r.min.x, r.min.y], [r.max.x, r.max.y]), spot(r))
}

/// Only finite rectangles are indexed: anything else cannot be near anything, and the
/// tree needs numbers it can compare.
fn indexable(r: BoardRect) -> bool {
    [r.min.x, r.min.y, r.max.x, r.max.y].iter().all(|v| v.is_finite())
}

/// What [`Index::any_near`] answers for `rects` (keyed by their place in it), found by a
/// walk down the list instead: for a question or two, cheaper than building the tree.
pub(super) fn any_near_by_walk(
    rects: impl IntoIterator<Item = BoardRect>,
    r: BoardRect,
    gap: f32,
    except: Option<u32>,
) -> bool {
    indexable(r)
        && rects.into_iter().enumerate().any(|(key, o)| {
            Some(u32::try_from(key).unwrap_or(u32::MAX)) != except && indexable(o) && too_close(o, r, gap)
        })
}

impl Index {
    /// The rectangles, keyed by their place in `rects`.
    pub fn new(rects: impl IntoIterator<Item = BoardRect>) -> Self {
        let mut at: HashMap<Spot, (BoardRect, BTreeSet<u32>)> = HashMap::new();
        for (key, r) in rects.into_iter().enumerate().filter(|(_, r)| indexable(*r)) {
            at.entry(spot(r)).or_insert_with(|| (r, BTreeSet::new())).1.insert(u32::try_from(key).unwrap_or(u32::MAX));
        }
        let entries = at.values().map(|(r, _)| entry(*r)).collect();
        Self { tree: RTree::bulk_load(entries), at }
    }

    pub fn insert(&mut self, key: u32, r: BoardRect) {
        if !indexable(r) {
            return;
        }
        let keys = &mut self.at.entry(spot(r)).or_insert_with(|| (r, BTreeSet::new())).1;
        if keys.is_empty() {
            self.tree.insert(entry(r));
        }
        keys.insert(key);
    }

    pub fn remove(&mut self, key: u32, r: BoardRect) {
        let here = spot(r);
        let Some((_, keys)) = self.at.get_mut(&here) else { return };
        keys.remove(&key);
        if keys.is_empty() {
            self.at.remove(&here);
            self.tree.remove(&entry(r));
        }
    }

    /// The rectangles that come closer to `r` than `gap` (see `too_close`), with their
    /// keys, in no particular order.
    pub fn near(&self, r: BoardRect, gap: f32) -> impl Iterator<Item = (u32, BoardRect)> + '_ {
        self.spots_near(r, gap).flat_map(|(rect, keys)| keys.iter().map(move |k| (*k, *rect)))
    }

    /// The places closer to `r` than `gap`, each with the keys of what lies there.
    fn spots_near(&self, r: BoardRect, gap: f32) -> impl Iterator<Item = &(BoardRect, BTreeSet<u32>)> + '_ {
        let search = if indexable(r) && gap.is_finite() {
            Some(AABB::from_corners([r.min.x - gap, r.min.y - gap], [r.max.x + gap, r.max.y + gap]))
        } else {
            None
        };
        search.into_iter().flat_map(move |search| {
            self.tree
                .locate_in_envelope_intersecting(search)
                .filter_map(|e| self.at.get(&e.data))
                .filter(move |(o, _)| too_close(*o, r, gap))
        })
    }

    /// Whether any rectangle but the one keyed `except` comes closer to `r` than `gap`.
    pub fn any_near(&self, r: BoardRect, gap: f32, except: Option<u32>) -> bool {
        self.spots_near(r, gap).any(|(_, keys)| keys.iter().next() != except.as_ref() || keys.len() > 1)
    }

    /// Of the rectangles closer to `r` than `gap`, the one first in the list (lowest key).
    pub fn first_near(&self, r: BoardRect, gap: f32) -> Option<(u32, BoardRect)> {
        self.spots_near(r, gap).filter_map(|(o, keys)| keys.first().map(|k| (*k, *o))).min_by_key(|(k, _)| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Size};

    fn at(x: f32, y: f32) -> BoardRect {
        BoardRect::from_pos_size(Pos::new(x, y), Size::new(100.0, 100.0))
    }

    #[test]
    fn finds_what_is_too_close_as_a_walk_down_the_list_would() {
        let rects = [at(0.0, 0.0), at(500.0, 0.0), at(110.0, 0.0), at(f32::NAN, 0.0)];
        let mut index = Index::new(rects);
        let probe = at(105.0, 0.0);
        let walked: Vec<u32> = (0..4u32).filter(|k| too_close(rects[*k as usize], probe, 11.5)).collect();
        let mut found: Vec<u32> = index.near(probe, 11.5).map(|(k, _)| k).collect();
        found.sort_unstable();
        assert_eq!(found, walked);
        assert_eq!(index.first_near(probe, 11.5).map(|(k, _)| k), Some(0));
        index.remove(0, rects[0]);
        assert_eq!(index.first_near(probe, 11.5).map(|(k, _)| k), Some(2));
        assert!(!index.any_near(probe, 11.5, Some(2)));
        index.insert(7, at(300.0, 0.0));
        assert!(index.any_near(at(290.0, 0.0), 0.0, None));
        assert!(!index.any_near(at(f32::INFINITY, 0.0), 0.0, None), "a rectangle off the board is near nothing");
    }

    #[test]
    fn a_walk_answers_as_the_index_does() {
        let rects = [at(0.0, 0.0), at(110.0, 0.0), at(110.0, 0.0), at(f32::NAN, 0.0), at(800.0, 0.0)];
        let index = Index::new(rects);
        let probes = [at(105.0, 0.0), at(110.0, 0.0), at(400.0, 0.0), at(f32::INFINITY, 0.0), at(f32::NAN, 0.0)];
        for probe in probes {
            for except in [None, Some(0), Some(1), Some(2), Some(4)] {
                for gap in [0.0, 11.5] {
                    let walked = any_near_by_walk(rects, probe, gap, except);
                    assert_eq!(walked, index.any_near(probe, gap, except), "{probe:?} {except:?} {gap}");
                }
            }
        }
    }
}
