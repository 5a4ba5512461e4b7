import Synchronization

/// The capacity to reserve for a page of each template: at first its literal text with room to spare,
/// then the size of the last page rendered with it plus an eighth, so that a page's output is rarely
/// grown (and copied) while it is written, without reserving the largest page's size for every page.
final class TemplateSizeHints: Sendable {
    private let sizes: Mutex<[Int]>

    init(_ estimates: [Int]) { sizes = Mutex(estimates) }

    func size(of template: Int) -> Int { sizes.withLock { $0[template] } }

    func record(_ size: Int, for template: Int) {
        sizes.withLock { $0[template] = size + size / 8 }
    }
}
