import ArgumentParser
import EduSite
import Foundation

@main
struct EduSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edusite",
        abstract: "Build and check the web portal of a Vietnamese school or education office.",
        subcommands: [BuildCommand.self, CheckCommand.self, FeedsCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// As the default, but a usage error exits with 2 (as documented in docs/cli.md), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
