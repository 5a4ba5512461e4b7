import CCmarkGFM
import Synchronization

/// Process-wide cmark-gfm state: the registered extensions and the lock around parsing.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 is not thread-safe with extensions attached: while a parser
/// finishes it adds and removes the extensions' special characters (`~`, `:`, `w` …) in one global
/// table, so a concurrent parse silently loses strikethrough and autolinks. Every parse (parser
/// creation to parser free) therefore runs under `parseLock`. Rendering a finished tree touches no
/// global state and runs outside the lock (measured: see `MarkdownConcurrencyTests`).
enum CmarkRuntime {
    /// A pointer to a registered extension or to the list of them.
    ///
    /// `@unchecked Sendable`: the registry's extension objects and the list built from them in
    /// `extensions` are created once, never mutated afterwards and never freed, so sharing the
    /// pointers between threads is safe.
    struct Handle<Pointee>: @unchecked Sendable {
        let pointer: Pointee
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the core extensions exactly once (a Swift `static let` initialiser runs once,
    /// thread-safely) and looks them up.
    static let extensions: [Handle<OpaquePointer>] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.map { name in
            guard let found = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension `\(name)` is not registered: is libcmark-gfm-extensions installed?")
            }
            return Handle(pointer: found)
        }
    }()

    /// The extensions as a cmark list, for the HTML renderer (the `tagfilter` extension filters raw HTML
    /// through it). Never freed: it lives as long as the process.
    static let extensionList: Handle<UnsafeMutablePointer<cmark_llist>> = {
        var head: UnsafeMutablePointer<cmark_llist>?
        for handle in extensions {
            head = cmark_llist_append(cmark_get_default_mem_allocator(), head, UnsafeMutableRawPointer(handle.pointer))
        }
        guard let head else { fatalError("no cmark-gfm extensions") }
        return Handle(pointer: head)
    }()

    static let tableExtension: Handle<OpaquePointer> = extensions[0]

    /// Serialises every cmark-gfm parse in the process.
    static let parseLock = Mutex<Void>(())
}
