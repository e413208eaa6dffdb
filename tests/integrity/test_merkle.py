"""Merkle hashing and proofs against RFC 6962/9162's published test vectors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikejar.integrity import merkle

# The eight leaves of Certificate Transparency's reference tests.
INPUTS = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    bytes(range(0x60, 0x70)),
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
LEAVES = [merkle.leaf_hash(data) for data in INPUTS]


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_match_the_reference_vectors(size):
    assert merkle.root(LEAVES[:size]).hex() == ROOTS[size - 1]


def test_the_empty_tree_hashes_to_the_hash_of_nothing():
    assert merkle.root([]).hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


@pytest.mark.parametrize(
    ("index", "size", "path"),
    [
        (0, 8, ["96a296d224f2", "5f083f0a1a33", "6b47aaf29ee3"]),
        (5, 8, ["bc1a0643b12e", "ca854ea128ed", "d37ee418976d"]),
        (2, 3, ["fac54203e7cc"]),
        (1, 5, ["6e340b9cffb3", "5f083f0a1a33", "bc1a0643b12e"]),
    ],
)
def test_inclusion_proofs_match_the_reference_vectors(index, size, path):
    proof = merkle.inclusion_proof(LEAVES[:size], index)

    assert [p.hex()[:12] for p in proof] == path
    assert merkle.verify_inclusion(
        LEAVES[index], index, size, proof, bytes.fromhex(ROOTS[size - 1])
    )


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        (1, 8, ["96a296d224f2", "5f083f0a1a33", "6b47aaf29ee3"]),
        (6, 8, ["0ebc5d3437fb", "ca854ea128ed", "d37ee418976d"]),
        (2, 5, ["5f083f0a1a33", "bc1a0643b12e"]),
    ],
)
def test_consistency_proofs_match_the_reference_vectors(old, new, path):
    proof = merkle.consistency_proof(LEAVES[:new], old)

    assert [p.hex()[:12] for p in proof] == path
    assert merkle.verify_consistency(
        old, new, proof, bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
    )


trees = st.lists(st.binary(min_size=32, max_size=32), min_size=1, max_size=70)


def flipped(value: bytes) -> bytes:
    return bytes([value[0] ^ 1]) + value[1:]


@settings(max_examples=150, deadline=None)
@given(leaves=trees, data=st.data())
def test_proofs_verify_for_random_trees_and_fail_when_altered(leaves, data):
    size = len(leaves)
    index = data.draw(st.integers(0, size - 1))
    old = data.draw(st.integers(1, size))
    root = merkle.root(leaves)

    proof = merkle.inclusion_proof(leaves, index)
    assert merkle.verify_inclusion(leaves[index], index, size, proof, root)
    assert not merkle.verify_inclusion(leaves[index], index, size, proof, flipped(root))
    if proof:
        bad = list(proof)
        where = data.draw(st.integers(0, len(bad) - 1))
        bad[where] = flipped(bad[where])
        assert not merkle.verify_inclusion(leaves[index], index, size, bad, root)

    old_root = merkle.root(leaves[:old])
    proof = merkle.consistency_proof(leaves, old) if old < size else []
    assert merkle.verify_consistency(old, size, proof, old_root, root)
    if proof:
        bad = list(proof)
        where = data.draw(st.integers(0, len(bad) - 1))
        bad[where] = flipped(bad[where])
        assert not merkle.verify_consistency(old, size, bad, old_root, root)
        assert not merkle.verify_consistency(old, size, proof, flipped(old_root), root)
