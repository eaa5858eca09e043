"""What the loader makes lives on: made without the collector walking it, and then in the oldest generation
(generator/collector.long_lived), with the collector as it was before and anyone's frozen objects kept frozen."""

from __future__ import annotations

import gc

from generator.collector import long_lived


def test_what_is_made_inside_joins_the_oldest_generation_and_the_collector_runs_again():
    gc.unfreeze()  # whatever an earlier test in this process froze goes to the oldest generation (a no-op else)
    assert gc.isenabled()
    with long_lived():
        assert not gc.isenabled()
        made = [[n] for n in range(1000)]
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in made)
    assert gc.get_freeze_count() == 0


def test_objects_frozen_before_stay_frozen_and_a_disabled_collector_stays_off():
    frozen = [[]]
    gc.freeze()
    try:
        kept = gc.get_freeze_count()
        gc.disable()
        with long_lived():
            made = [[n] for n in range(10)]
        assert not gc.isenabled() and gc.get_freeze_count() == kept
        assert made
    finally:
        gc.enable()
        gc.unfreeze()
    assert frozen
