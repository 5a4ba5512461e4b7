import ArgumentParser
import EduSite

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Load and check the site without writing anything.")

    @OptionGroup var siteOptions: SiteOptions

    func run() async throws {
        let (site, diagnostics) = SiteBuilder().check(siteRoot: siteOptions.siteRoot, options: siteOptions.loadOptions())
        CommandSupport.printDiagnostics(diagnostics)
        guard site != nil else { throw ExitCode(2) }
        print("\(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)")
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
