using Xunit.Abstractions;

namespace IntegrationHub.FaultTests;

/// <summary>What the fault tests share: their category, their agencies and the one line each prints.</summary>
public static class Fault
{
    /// <summary>scripts/test.sh runs this category on its own: these tests stop the broker and the database that other tests use.</summary>
    public const string Category = "Fault";

    public static readonly string[] Agencies = [Contracts.V1.AgencyCodes.Housing, Contracts.V1.AgencyCodes.Nhs, Contracts.V1.AgencyCodes.Dwp];

    /// <summary>
    /// The fault's one line, in the test's output: scripts/test.sh runs the fault tests with the console logger at
    /// detailed verbosity, which shows it under the test whether it passes or fails.
    /// </summary>
    public static void Report(ITestOutputHelper output, string line) => output.WriteLine(line);

    public static string Seconds(TimeSpan elapsed) => $"{elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s";
}
