"""Realistic tickets for the local model: a training corpus and a held-out evaluation set, each built from
its own separately written phrase pools (`train_pools`, `eval_pools`; no sentence is shared)."""
