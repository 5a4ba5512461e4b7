import ArgumentParser
import EduSite

extension CheckOutput.Format: ExpressibleByArgument {}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and check the site, and its required sections, without writing anything.",
        discussion: "Exit code 0: no error; 1: errors; 2: the site or its manifests could not be loaded, or a usage error.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "Output: text (grouped findings), json (the compliance report), github (workflow annotations).")
    var format: CheckOutput.Format = .text

    @Flag(name: .customLong("strict-feeds"), help: "Report a missing or old upstream feed as an error.")
    var strictFeeds = false

    @Flag(name: .long, help: "Also list what is not there yet and falls due later (no finding until its due day), soonest first.")
    var upcoming = false

    func run() async throws {
        let outcome = SiteBuilder().check(
            siteRoot: siteOptions.siteRoot, options: siteOptions.loadOptions(),
            policy: SiteBuilder.CheckPolicy(strictFeeds: strictFeeds))
        let language = siteOptions.language
        switch format {
        case .text:
            print(CheckOutput.text(outcome.diagnostics, compliance: outcome.compliance, language: language), terminator: "")
            if upcoming { print(UpcomingOutput.text(outcome.compliance, language: language), terminator: "") }
        case .github:
            let prefix = CommandSupport.displayPrefix(siteOptions.site)
            print(
                CheckOutput.github(
                    outcome.diagnostics, compliance: outcome.compliance, pathPrefix: prefix, language: language),
                terminator: "")
        case .json:
            if let site = outcome.site, let compliance = outcome.compliance {
                let other = outcome.diagnostics.filter { $0.rule == nil }
                print(
                    ComplianceReport(site: site, result: compliance, otherFindings: other, language: language).json(),
                    terminator: "")
            } else {
                CommandSupport.printDiagnostics(outcome.diagnostics, in: language)
            }
        }
        guard outcome.site != nil, outcome.loaded else { throw ExitCode(2) }
        if outcome.diagnostics.hasErrors { throw ExitCode.failure }
    }
}
