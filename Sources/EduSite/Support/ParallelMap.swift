import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping order. For independent, CPU-bound work (pages are independent).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointSlots(base: buffer.baseAddress!)
            self.withUnsafeBufferPointer { input in
                let items = DisjointSlots(base: UnsafeMutablePointer(mutating: input.baseAddress!))
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    slots.base[index] = transform(items.base[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer whose slots are each touched by exactly one iteration of `concurrentPerform`, so no two
/// threads ever share a slot: that is why sending the pointer across threads is sound.
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
