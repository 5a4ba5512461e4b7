/// One page's rendering of a `TemplateProgram`: the context stack and the output. Not copyable: it owns
/// the memory of its context stack, whose frames are read in place (an array's subscript copied each
/// frame, a retain and a release per lookup).
struct TemplateRenderer: ~Copyable {
    typealias Op = TemplateProgram.Op
    typealias Name = TemplateProgram.Name

    /// One context of the stack: a value, or an element of a list read where it is stored (a section
    /// over a list pushes no boxed copy of each element).
    private enum Frame {
        case value(TemplateValue)
        case element(any TemplateSequence, Int)

        @inline(__always)
        func field(_ key: TemplateKey) -> TemplateValue {
            switch self {
            case .value(let value): value.field(key)
            case .element(let list, let index): list.templateField(at: index, key)
            }
        }

        @inline(__always)
        func append(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
            switch self {
            case .value(let value): value.append(key, escaped: escaped, to: &output)
            case .element(let list, let index): list.appendTemplateField(at: index, key, escaped: escaped, to: &output)
            }
        }

        var value: TemplateValue {
            switch self {
            case .value(let value): value
            case .element(let list, let index): list.templateElement(at: index)
            }
        }
    }

    /// Holds the buffers below alive.
    private let program: TemplateProgram
    private let ops: UnsafeMutableBufferPointer<Op>
    private let literals: UnsafeMutableBufferPointer<UInt8>
    private let names: UnsafeMutableBufferPointer<Name>
    private let keys: UnsafeMutableBufferPointer<TemplateKey>
    /// The context stack, innermost last: `frameCount` frames from `frames`, room for `frameCapacity`.
    private var frames: UnsafeMutablePointer<Frame>
    private var frameCount = 0
    private var frameCapacity = 16
    var output: [UInt8] = []
    /// Values of dotted names' prefixes found in the root context (see `Name.prefixSlot`).
    private var rootPrefixes: [TemplateValue?]
    /// The `{{$block}}` overrides of the parents being rendered, outermost first: the outermost
    /// override of a block wins.
    private var activeOverrides: [TemplateProgram.Override] = []
    /// Partials and parents being rendered. Check refuses a theme whose partials include each other
    /// (E303); this bound keeps a recursive partial that slipped past it from ending on the stack.
    private var partialDepth = 0
    static let maxPartialDepth = 64

    init(program: TemplateProgram, root: TemplateValue) {
        self.program = program
        ops = program.ops
        literals = program.literals
        names = program.names
        keys = program.keys
        frames = .allocate(capacity: frameCapacity)
        rootPrefixes = Array(repeating: nil, count: program.prefixSlots.count)
        push(.value(root))
    }

    deinit {
        frames.deinitialize(count: frameCount)
        frames.deallocate()
    }

    /// The rendered page.
    consuming func finish() -> [UInt8] { output }

    private mutating func push(_ frame: Frame) {
        if frameCount == frameCapacity {
            let larger = UnsafeMutablePointer<Frame>.allocate(capacity: frameCapacity * 2)
            larger.moveInitialize(from: frames, count: frameCount)
            frames.deallocate()
            frames = larger
            frameCapacity *= 2
        }
        (frames + frameCount).initialize(to: frame)
        frameCount += 1
    }

    private mutating func pop() {
        frameCount -= 1
        (frames + frameCount).deinitialize(count: 1)
    }

    /// Renders the instructions from `start` to `end` (one of swift-mustache's
    /// `MustacheTemplate.render(context:)`): with an indentation, each instruction's non-empty output
    /// that starts after a newline of this same run gets the indentation first.
    mutating func run(_ start: Int, _ end: Int, indentation: [UInt8]) {
        var index = start
        if indentation.isEmpty {
            while index < end { index = step(index, indentation: indentation) }
            return
        }
        let runStart = output.count
        while index < end {
            let afterNewline = endsWithNewline(since: runStart)
            let before = output.count
            index = step(index, indentation: indentation)
            if afterNewline, output.count > before {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Whether the output since `start` ends with the character `\n` (a `\r\n` is one other character).
    private func endsWithNewline(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == UInt8(ascii: "\n") else { return false }
        return !(count - start >= 2 && output[count - 2] == UInt8(ascii: "\r"))
    }

    /// Renders the instruction at `index` with its body; returns the index of the next one.
    private mutating func step(_ index: Int, indentation: [UInt8]) -> Int {
        let op = ops[index]
        let next = Int(op.next)
        switch op.kind {
        case .text:
            output.append(contentsOf: literal(op.argument, op.count))

        case .variable:
            write(names[Int(op.argument)], escaped: true)

        case .rawVariable:
            write(names[Int(op.argument)], escaped: false)

        case .section:
            let value = lookUp(names[Int(op.argument)])
            switch value {
            case .list(let list):
                let count = list.templateCount
                for element in 0..<count {
                    push(.element(list, element))
                    run(index + 1, next, indentation: indentation)
                    pop()
                }
            case .bool(let isTrue):
                if isTrue { run(index + 1, next, indentation: indentation) }
            case .none:
                break
            case .text, .utf8, .number, .object:
                push(.value(value))
                run(index + 1, next, indentation: indentation)
                pop()
            }

        case .invertedSection:
            let value = lookUp(names[Int(op.argument)])
            switch value {
            case .list(let list):
                // swift-mustache renders an empty list's inverted section with the list as context.
                if list.templateCount == 0 {
                    push(.value(value))
                    run(index + 1, next, indentation: indentation)
                    pop()
                }
            case .bool(let isTrue):
                if !isTrue { run(index + 1, next, indentation: indentation) }
            case .none:
                run(index + 1, next, indentation: indentation)
            case .text, .utf8, .number, .object:
                break
            }

        case .partial:
            guard op.argument >= 0, partialDepth < Self.maxPartialDepth else { break }
            partialDepth += 1
            defer { partialDepth -= 1 }
            let partialIndentation =
                op.indentationCount >= 0 ? indentation + literal(op.indentationStart, op.indentationCount) : indentation
            let pushed = Int(op.overridesCount)
            if pushed > 0 {
                let start = Int(op.overridesStart)
                activeOverrides.append(contentsOf: program.overrides[start..<start + pushed])
            }
            let range = program.templates[Int(op.argument)]
            run(Int(range.start), Int(range.end), indentation: partialIndentation)
            if pushed > 0 { activeOverrides.removeLast(pushed) }

        case .block:
            let blockIndentation = indentation + literal(op.indentationStart, op.indentationCount)
            if let override = activeOverrides.first(where: { $0.block == op.argument }) {
                run(Int(override.start), Int(override.end), indentation: blockIndentation)
            } else {
                run(index + 1, next, indentation: blockIndentation)
            }
        }
        return next
    }

    @inline(__always)
    private func literal(_ start: Int32, _ count: Int32) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(rebasing: literals[Int(start)..<Int(start + count)])
    }

    // MARK: Lookup (swift-mustache's `getChild(named:)`)

    /// `{{name}}`: the value written straight from its view when it is found in a context's field.
    private mutating func write(_ name: Name, escaped: Bool) {
        let count = Int(name.keyCount)
        if count == 0 {
            _ = TemplateOutput.append(frames[frameCount - 1].value, escaped: escaped, to: &output)
            return
        }
        let last = Int(name.keyStart) + count - 1
        if count > 1 {
            if let prefix = lookUpPrefixBelowRoot(name) {
                _ = prefix.append(keys[last], escaped: escaped, to: &output)
            } else {
                let slot = Int(name.prefixSlot)
                findRootPrefix(slot)
                _ = rootPrefixes[slot].unsafelyUnwrapped.append(keys[last], escaped: escaped, to: &output)
            }
        } else if name.anchored {
            _ = frames[frameCount - 1].append(keys[last], escaped: escaped, to: &output)
        } else {
            var index = frameCount - 1
            while index >= 0 {
                if frames[index].append(keys[last], escaped: escaped, to: &output) { return }
                index -= 1
            }
        }
    }

    /// A section's value.
    private mutating func lookUp(_ name: Name) -> TemplateValue {
        let count = Int(name.keyCount)
        if count == 0 { return frames[frameCount - 1].value }
        let last = Int(name.keyStart) + count - 1
        if count > 1 { return lookUpPrefix(name).field(keys[last]) }
        if name.anchored { return frames[frameCount - 1].field(keys[last]) }
        var index = frameCount - 1
        while index >= 0 {
            let value = frames[index].field(keys[last])
            if case .none = value {
                index -= 1
                continue
            }
            return value
        }
        return .none
    }

    /// The value of all names of `a.b.c` but the last: only `a` climbs through the contexts.
    private mutating func lookUpPrefix(_ name: Name) -> TemplateValue {
        if let value = lookUpPrefixBelowRoot(name) { return value }
        let slot = Int(name.prefixSlot)
        findRootPrefix(slot)
        return rootPrefixes[slot].unsafelyUnwrapped
    }

    /// `lookUpPrefix` when `a` is found above the root context (or the name is anchored); nil when it is
    /// the root's, whose prefix is kept in `rootPrefixes`.
    private func lookUpPrefixBelowRoot(_ name: Name) -> TemplateValue? {
        let first = Int(name.keyStart)
        let last = first + Int(name.keyCount) - 1
        if name.anchored { return walk(frames[frameCount - 1].field(keys[first]), first + 1, last) }
        var index = frameCount - 1
        while index > 0 {
            let value = frames[index].field(keys[first])
            if case .none = value {
                index -= 1
                continue
            }
            return walk(value, first + 1, last)
        }
        return nil
    }

    /// The root context does not change during a page: each prefix of its dotted names is found once,
    /// from its own prefix's value.
    private mutating func findRootPrefix(_ slot: Int) {
        guard rootPrefixes[slot] == nil else { return }
        let prefix = program.prefixSlots[slot]
        let value: TemplateValue
        if prefix.parent < 0 {
            value = frames[0].field(keys[Int(prefix.key)])
        } else {
            let parent = Int(prefix.parent)
            findRootPrefix(parent)
            value = rootPrefixes[parent].unsafelyUnwrapped.field(keys[Int(prefix.key)])
        }
        rootPrefixes[slot] = value
    }

    /// The keys from `start` up to `end` (excluded) looked up one in the other from `value`.
    private func walk(_ value: TemplateValue, _ start: Int, _ end: Int) -> TemplateValue {
        var value = value
        for key in start..<end {
            if case .none = value { return .none }
            value = value.field(keys[key])
        }
        return value
    }
}
