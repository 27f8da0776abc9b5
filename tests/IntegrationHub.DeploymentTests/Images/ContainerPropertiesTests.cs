using System.Diagnostics;
using System.Text.Json;

namespace IntegrationHub.DeploymentTests.Images;

/// <summary>
/// The .NET SDK's container support (<c>dotnet publish -t:PublishContainer</c>) makes the same image as the
/// Dockerfile: each project's container properties, as MSBuild evaluates them, agree with its Dockerfile's final stage.
/// </summary>
public sealed class ContainerPropertiesTests
{
    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public async Task Sdk_container_support_makes_the_image_the_dockerfile_makes(string image)
    {
        var definition = ContainerImage.Named(image);
        var final = definition.Dockerfile().Final;

        using var project = await EvaluateAsync(definition.Project);

        var properties = project.RootElement.GetProperty("Properties");
        var items = project.RootElement.GetProperty("Items");
        Assert.Equal(definition.Repository, properties.GetProperty("ContainerRepository").GetString());
        Assert.Equal(final.Image, properties.GetProperty("ContainerBaseImage").GetString());
        Assert.Equal(Assert.Single(final.All("USER")).Arguments, properties.GetProperty("ContainerUser").GetString());
        Assert.Equal("Entrypoint", properties.GetProperty("ContainerAppCommandInstruction").GetString());
        Assert.Equal(Assert.Single(final.All("ENTRYPOINT")).Words, Identities(items, "ContainerAppCommand"));
        Assert.Equal(final.All("EXPOSE").Select(e => e.Arguments), Identities(items, "ContainerPort"));
        Assert.Equal(
            final.Variables().OrderBy(v => v.Key, StringComparer.Ordinal),
            items.GetProperty("ContainerEnvironmentVariable").EnumerateArray()
                .Select(v => KeyValuePair.Create(v.GetProperty("Identity").GetString()!, v.GetProperty("Value").GetString()!))
                .OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    static List<string> Identities(JsonElement items, string name) =>
        [.. items.GetProperty(name).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!)];

    /// <summary>The project's container properties and items as <c>dotnet msbuild -getProperty -getItem</c> evaluates them.</summary>
    static async Task<JsonDocument> EvaluateAsync(string project)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "msbuild", project,
            "-getProperty:ContainerRepository", "-getProperty:ContainerBaseImage", "-getProperty:ContainerUser", "-getProperty:ContainerAppCommandInstruction",
            "-getItem:ContainerAppCommand", "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEndAsync();
        var error = msbuild.StandardError.ReadToEndAsync();
        await msbuild.WaitForExitAsync();
        Assert.True(msbuild.ExitCode == 0, $"dotnet msbuild {project} failed: {await output}{await error}");
        return JsonDocument.Parse(await output);
    }
}
