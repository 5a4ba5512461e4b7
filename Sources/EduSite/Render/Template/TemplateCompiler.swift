/// Turns parsed templates into one `TemplateProgram`: each template's tokens become a run of
/// instructions, with every body placed right after the instruction that owns it.
struct TemplateCompiler {
    typealias Op = TemplateProgram.Op

    let indexByName: [String: Int]
    private var ops: [Op] = []
    private var literals: [UInt8] = []
    private var names: [TemplateProgram.Name] = []
    private var keys: [TemplateKey] = []
    private var overrides: [TemplateProgram.Override] = []
    private var templates: [TemplateProgram.Range] = []
    /// Dotted names' `a.b` prefixes, numbered (see `TemplateProgram.Name.prefixSlot`).
    private var prefixSlotNumbers: [String: Int32] = [:]
    private var prefixSlots: [TemplateProgram.PrefixSlot] = []
    private var blockNumbers: [String: Int32] = [:]

    init(indexByName: [String: Int]) { self.indexByName = indexByName }

    mutating func compile(_ sources: [[TemplateParser.Token]]) -> TemplateProgram {
        for tokens in sources {
            let start = Int32(ops.count)
            emit(tokens)
            templates.append(.init(start: start, end: Int32(ops.count)))
        }
        return TemplateProgram(
            ops: ops, literals: literals, names: names, keys: keys, overrides: overrides, templates: templates,
            prefixSlots: prefixSlots)
    }

    private mutating func emit(_ tokens: [TemplateParser.Token]) {
        // The text instruction last emitted at this level, while nothing else came after it.
        var lastText: Int?
        for token in tokens {
            let index = ops.count
            switch token {
            case .text(let text):
                // Adjacent text merges, except after a newline: in an indented partial each instruction
                // that starts a line gets the indentation.
                if let lastText, literals.last != UInt8(ascii: "\n") {
                    literals += text.utf8
                    ops[lastText].count = Int32(literals.count) - ops[lastText].argument
                    continue
                }
                ops.append(Op(kind: .text, next: Int32(index + 1), argument: Int32(literals.count), count: Int32(text.utf8.count)))
                literals += text.utf8
                lastText = index
                continue
            case .variable(let name):
                ops.append(Op(kind: .variable, next: Int32(index + 1), argument: intern(name)))
            case .unescapedVariable(let name):
                ops.append(Op(kind: .rawVariable, next: Int32(index + 1), argument: intern(name)))
            case .section(let name, let body):
                ops.append(Op(kind: .section, next: 0, argument: intern(name)))
                emit(body)
                ops[index].next = Int32(ops.count)
            case .invertedSection(let name, let body):
                ops.append(Op(kind: .invertedSection, next: 0, argument: intern(name)))
                emit(body)
                ops[index].next = Int32(ops.count)
            case .blockDefinition:
                // Only inside `{{<parent}}`, where the parser collects them as overrides.
                continue
            case .blockExpansion(let name, let body, let indentation):
                var op = Op(kind: .block, next: 0, argument: blockNumber(name))
                (op.indentationStart, op.indentationCount) = literal(indentation)
                ops.append(op)
                emit(body)
                ops[index].next = Int32(ops.count)
            case .partial(let name, let indentation, let blocks):
                var op = Op(kind: .partial, next: 0, argument: indexByName[name].map(Int32.init) ?? -1)
                if let indentation { (op.indentationStart, op.indentationCount) = literal(indentation) }
                ops.append(op)
                // The overrides' bodies follow the partial (sorted by name, so the program does not
                // depend on a dictionary's order); the partial lists them.
                var partialOverrides: [TemplateProgram.Override] = []
                for (block, body) in (blocks ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let start = Int32(ops.count)
                    emit(body)
                    partialOverrides.append(.init(block: blockNumber(block), start: start, end: Int32(ops.count)))
                }
                ops[index].overridesStart = Int32(overrides.count)
                ops[index].overridesCount = Int32(partialOverrides.count)
                overrides += partialOverrides
                ops[index].next = Int32(ops.count)
            }
            lastText = nil
        }
    }

    /// The name's index in `names`, its keys appended.
    private mutating func intern(_ text: String) -> Int32 {
        let components = text == "." ? [] : text.split(separator: ".").map(String.init)
        let anchored = text.first == "."
        let keyStart = Int32(keys.count)
        keys += components.map(TemplateKey.init)
        let prefixSlot = components.count > 1 && !anchored ? slot(of: components.dropLast(), keyStart: keyStart) : -1
        names.append(.init(keyStart: keyStart, keyCount: Int32(components.count), anchored: anchored, prefixSlot: prefixSlot))
        return Int32(names.count - 1)
    }

    /// The slot of a prefix whose names are in `keys` from `keyStart`, made with its own prefixes' slots.
    private mutating func slot(of prefix: ArraySlice<String>, keyStart: Int32) -> Int32 {
        let text = prefix.joined(separator: ".")
        if let slot = prefixSlotNumbers[text] { return slot }
        let parent = prefix.count > 1 ? slot(of: prefix.dropLast(), keyStart: keyStart) : -1
        prefixSlots.append(.init(parent: parent, key: keyStart + Int32(prefix.count - 1)))
        let slot = Int32(prefixSlots.count - 1)
        prefixSlotNumbers[text] = slot
        return slot
    }

    private mutating func blockNumber(_ name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }

    /// The text appended to `literals`: its start and byte count.
    private mutating func literal(_ text: String) -> (Int32, Int32) {
        let start = Int32(literals.count)
        literals += text.utf8
        return (start, Int32(literals.count) - start)
    }

    // MARK: Output size

    /// Capacity to reserve for a page of a template: its literal text with its partials' (each once),
    /// plus room for the page's own text.
    func estimatedSize(of template: Int) -> Int {
        var size = 0
        var seen: Set<Int> = [template]
        var pending = [templates[template]]
        while let range = pending.popLast() {
            for op in ops[Int(range.start)..<Int(range.end)] {
                if op.kind == .text {
                    size += Int(op.count)
                } else if op.kind == .partial, op.argument >= 0, seen.insert(Int(op.argument)).inserted {
                    pending.append(templates[Int(op.argument)])
                }
            }
        }
        return size + 8192
    }
}
