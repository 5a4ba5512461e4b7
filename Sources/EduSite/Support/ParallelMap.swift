import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping order. For independent, CPU-bound work (pages are independent).
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            self.withUnsafeBufferPointer { input in
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (base + index).pointee = transform(input[index])
                }
            }
        }
        return results.map { $0! }
    }
}
