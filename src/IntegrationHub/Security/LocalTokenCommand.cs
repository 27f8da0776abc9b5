using Microsoft.Extensions.Options;

namespace IntegrationHub.Security;

/// <summary>
/// <c>dotnet run --project src/IntegrationHub -- mint-token --role PersonalAdviser --tenant demo-council [--agency housing] [--user id]</c>
/// prints a token signed with the configured local key. It works only where LocalTokens is enabled.
/// </summary>
static class LocalTokenCommand
{
    public static bool IsRequested(string[] args) => args.FirstOrDefault() == "mint-token";

    public static int Run(WebApplicationBuilder builder, string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var options = builder.Configuration.GetSection(LocalTokenOptions.Section).Get<LocalTokenOptions>() ?? new LocalTokenOptions();
        if (!options.Enabled || !HubEnvironments.IsLocal(builder.Environment))
        {
            Console.Error.WriteLine("mint-token: LocalTokens is not enabled in this environment.");
            return 2;
        }

        var role = Arg("role");
        var tenant = Arg("tenant");
        if (role is null || tenant is null)
        {
            Console.Error.WriteLine("mint-token: --role and --tenant are required (--agency too for the Agency role).");
            return 2;
        }

        var user = Arg("user") ?? $"local-{role.ToLowerInvariant()}";
        var issuer = new LocalTokenIssuer(Options.Create(options), builder.Configuration, TimeProvider.System);
        Console.WriteLine(issuer.Mint(user, Arg("name") ?? user, role, tenant, Arg("agency")));
        return 0;
    }
}
