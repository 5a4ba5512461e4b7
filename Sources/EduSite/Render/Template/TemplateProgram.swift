/// The theme's templates compiled into one flat array of plain-integer instructions, with literal text,
/// names and block overrides in pools beside it. Rendering walks these through pointers: nothing it
/// reads is reference-counted, so a page's rendering does no retain or release for the template itself
/// (the enum tree it replaced retained each node, name and body it visited).
final class TemplateProgram: @unchecked Sendable {
    // `@unchecked`: the buffers are allocated and filled in `init`, never written again, and freed in
    // `deinit`; every thread only reads them.

    /// One instruction. A section's or block's body is the instructions after it, up to `next`.
    struct Op {
        enum Kind: UInt8 {
            case text, variable, rawVariable, section, invertedSection, partial, block
        }

        var kind: Kind
        /// The instruction after this one and its body.
        var next: Int32
        /// text: start in `literals`; variables and sections: index in `names`; partial: template index
        /// (-1 when there is no template of that name); block: block number.
        var argument: Int32
        /// text: byte count.
        var count: Int32 = 0
        /// partial and block: their indentation in `literals`; a count of -1 is a partial that is not
        /// standalone (it takes the indentation it is rendered with).
        var indentationStart: Int32 = 0
        var indentationCount: Int32 = -1
        /// partial: its `{{$block}}` overrides in `overrides`.
        var overridesStart: Int32 = 0
        var overridesCount: Int32 = 0
    }

    /// A name split at its dots: `keyCount` keys from `keyStart` in `keys`; none for `{{.}}`.
    struct Name {
        var keyStart: Int32
        var keyCount: Int32
        /// `{{.a}}`: look only in the current context.
        var anchored: Bool
        /// For `a.b.c`: the slot of `a.b`'s value in the root context, which stays the same for the whole
        /// page (`layout.footer` is found once, not boxed again for each of its fields); -1 for one name.
        var prefixSlot: Int32
    }

    /// A dotted name's prefix found in the root context: `layout.footer.contact` is the field `contact` of
    /// the slot of `layout.footer`, itself the field `footer` of `layout`'s slot, so each view of the
    /// chain is found (and boxed) once per page, not once for each prefix it starts.
    struct PrefixSlot {
        /// -1: the prefix is one name, a field of the root context.
        var parent: Int32
        /// The prefix's last name, in `keys`.
        var key: Int32
    }

    /// `{{$block}}…{{/block}}` inside `{{<parent}}`: the body replacing the parent's block of that number.
    struct Override {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    /// A template's instructions.
    struct Range {
        var start: Int32
        var end: Int32
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let literals: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    let keys: UnsafeMutableBufferPointer<TemplateKey>
    let overrides: UnsafeMutableBufferPointer<Override>
    let templates: UnsafeMutableBufferPointer<Range>
    /// The distinct `a.b` prefixes of dotted names, and their own prefixes.
    let prefixSlots: UnsafeMutableBufferPointer<PrefixSlot>

    init(
        ops: [Op], literals: [UInt8], names: [Name], keys: [TemplateKey], overrides: [Override],
        templates: [Range], prefixSlots: [PrefixSlot]
    ) {
        self.ops = Self.copy(ops)
        self.literals = Self.copy(literals)
        self.names = Self.copy(names)
        self.keys = Self.copy(keys)
        self.overrides = Self.copy(overrides)
        self.templates = Self.copy(templates)
        self.prefixSlots = Self.copy(prefixSlots)
    }

    deinit {
        ops.deallocate()
        literals.deallocate()
        names.deallocate()
        _ = keys.deinitialize()
        keys.deallocate()
        overrides.deallocate()
        templates.deallocate()
        prefixSlots.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
