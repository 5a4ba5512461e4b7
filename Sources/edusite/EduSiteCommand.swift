import ArgumentParser
import EduSite

@main
struct EduSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edusite",
        abstract: "Build and check the web portal of a Vietnamese school or education office.",
        subcommands: [BuildCommand.self, CheckCommand.self, FeedsCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
