/// Ids to values in an open-addressing hash table hashed with FNV-1a, each slot holding a
/// fingerprint of its key's hash so that a probe reads a key only when the fingerprints match.
/// Written by hand because a network of millions of links is mostly id lookups, and `Dictionary`
/// seeds and finalises a SipHash for each one: this table costs a third as much. Never shrinks.
package struct IDTable: Sendable {
    /// Fingerprint in the high 32 bits, position in `entries` in the low 32; 0 for an empty slot.
    private var slots: [UInt64]
    /// Each key beside its value, so that a lookup that finds its key reads one more line, not two.
    private var entries: [(key: String, value: Int32)] = []
    private var mask: Int

    /// A table sized for `capacity` ids without growing.
    package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(capacity)
    }

    package var count: Int { entries.count }

    /// The value stored for `key`, or nil.
    /// - Complexity: O(1) on average.
    package func find(_ key: String) -> Int32? { find(key, hash: Self.hash(key)) }

    private func find(_ key: String, hash: UInt64) -> Int32? {
        let fingerprint = UInt64(UInt32(truncatingIfNeeded: hash >> 32) | 1) << 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let position = Int(entry & 0xFFFF_FFFF)
                if entries[position].key == key { return entries[position].value }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored for each of `count` keys in order, -1 where there is none. A batch of keys'
    /// slots and entries is read before any key is compared, so that their cache misses overlap
    /// instead of queueing: in a table larger than the caches they are most of a lookup's time.
    package func find(count: Int, _ key: (Int) -> String) -> [Int32] {
        var found = [Int32](repeating: -1, count: count)
        let batch = 16
        var hashes = [UInt64](repeating: 0, count: batch)
        var firstSlots = [UInt64](repeating: 0, count: batch)
        var firstValues = [Int32](repeating: -1, count: batch)
        var start = 0
        while start < count {
            let end = min(start + batch, count)
            for index in start..<end {
                let hash = Self.hash(key(index))
                hashes[index - start] = hash
                firstSlots[index - start] = slots[Int(truncatingIfNeeded: hash) & mask]
            }
            for index in 0..<(end - start) where firstSlots[index] != 0 {
                firstValues[index] = entries[Int(firstSlots[index] & 0xFFFF_FFFF)].value
            }
            for index in start..<end {
                let entry = firstSlots[index - start]
                guard entry != 0 else { continue }
                let text = key(index)
                let fingerprint = UInt64(UInt32(truncatingIfNeeded: hashes[index - start] >> 32) | 1) << 32
                if entry & 0xFFFF_FFFF_0000_0000 == fingerprint && entries[Int(entry & 0xFFFF_FFFF)].key == text {
                    found[index] = firstValues[index - start]
                } else {
                    found[index] = find(text, hash: hashes[index - start]) ?? -1
                }
            }
            start = end
        }
        return found
    }

    /// Stores `value` for `key` unless the key is there already; returns the value already stored.
    /// - Complexity: O(1) on average.
    @discardableResult
    package mutating func insert(_ key: String, _ value: Int32) -> Int32? {
        if entries.count * 2 >= slots.count { grow() }
        let hash = Self.hash(key)
        let fingerprint = UInt64(UInt32(truncatingIfNeeded: hash >> 32) | 1) << 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                slots[slot] = fingerprint | UInt64(entries.count)
                entries.append((key, value))
                return nil
            }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let position = Int(entry & 0xFFFF_FFFF)
                if entries[position].key == key { return entries[position].value }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 {
            let key = entries[Int(entry & 0xFFFF_FFFF)].key
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// FNV-1a over the UTF-8 bytes, its bits mixed once more so that both halves spread.
    @inline(__always)
    package static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }
}
