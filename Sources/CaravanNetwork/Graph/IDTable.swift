/// Ids to positions in an open-addressing hash table hashed with FNV-1a. Written by hand because
/// a network of millions of links is mostly id lookups, and `Dictionary` seeds and finalises a
/// SipHash for each one: this table costs a third as much. Never shrinks; no removal.
package struct IDTable: Sendable {
    /// Positions into `keys`, or -1 for an empty slot; a power of two long.
    private var slots: [Int32]
    private var keys: [String] = []
    private var values: [Int32] = []
    private var mask: Int

    /// A table sized for `capacity` ids without growing.
    package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    package var count: Int { keys.count }

    /// The position stored for `key`, or nil.
    /// - Complexity: O(1) on average.
    package func find(_ key: String) -> Int32? {
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if keys[entry] == key { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is there already; returns the value already stored.
    /// - Complexity: O(1) on average.
    @discardableResult
    package mutating func insert(_ key: String, _ value: Int32) -> Int32? {
        if keys.count * 2 >= slots.count { grow() }
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 {
                slots[slot] = Int32(keys.count)
                keys.append(key)
                values.append(value)
                return nil
            }
            if keys[entry] == key { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// FNV-1a over the UTF-8 bytes, with the high bits folded in for the low-bit mask.
    @inline(__always)
    private static func hash(_ key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
