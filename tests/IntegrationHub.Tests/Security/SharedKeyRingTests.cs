using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IntegrationHub.Security;
using IntegrationHub.Tests.Pages;
using IntegrationHub.Tests.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Security;

/// <summary>
/// Two replicas of the hub on one database share the Data Protection key ring kept in it (<see cref="KeyRing"/>):
/// what one protects, a session cookie or a form's antiforgery token, the other accepts.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task What_one_replica_protects_the_other_unprotects_with_the_one_key_in_the_database()
    {
        using var database = new SharedDatabase();
        await using var first = await StartAsync(new HubOnDatabase(database, settings: ReplicaSettings()));
        await using var second = await StartAsync(new HubOnDatabase(database, settings: ReplicaSettings()));

        var fromFirst = Protector(first).Protect("issued by the first replica");
        var fromSecond = Protector(second).Protect("issued by the second replica");

        Assert.Equal("issued by the first replica", Protector(second).Unprotect(fromFirst));
        Assert.Equal("issued by the second replica", Protector(first).Unprotect(fromSecond));
        Assert.Equal(1, await first.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task A_form_from_one_replica_signs_in_on_the_other_and_its_session_cookie_opens_the_pages_on_the_first()
    {
        using var database = new SharedDatabase();
        var settings = ReplicaSettings();
        await using var first = await StartAsync(new HubOnDatabase(database, settings: settings));
        await using var second = await StartAsync(new HubOnDatabase(database, settings: settings));
        using var toFirst = Browser(first);
        using var toSecond = Browser(second);

        using var signedIn = await SignInAsync(formFrom: toFirst, postedTo: toSecond);
        using var page = await WorkspaceAsync(toFirst, signedIn);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workspace", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_hub_on_another_database_refuses_the_session_cookie()
    {
        using var database = new SharedDatabase();
        using var otherDatabase = new SharedDatabase();
        var settings = ReplicaSettings();
        await using var first = await StartAsync(new HubOnDatabase(database, settings: settings));
        await using var stranger = await StartAsync(new HubOnDatabase(otherDatabase, settings: settings));
        using var toFirst = Browser(first);
        using var toStranger = Browser(stranger);
        using var signedIn = await SignInAsync(formFrom: toFirst, postedTo: toFirst);

        using var page = await WorkspaceAsync(toStranger, signedIn);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HubPages.SignInPath, page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_rest_encrypted_and_a_replica_with_the_same_certificate_reads_them()
    {
        using var database = new SharedDatabase();
        var certificate = Path.Combine(Path.GetTempPath(), $"hub-key-ring-{Guid.NewGuid():N}.pfx");
        try
        {
            await File.WriteAllBytesAsync(certificate, SelfSignedPkcs12("the test's key ring password"));
            var settings = ReplicaSettings(new()
            {
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = "the test's key ring password",
            });
            await using var first = await StartAsync(new HubOnDatabase(database, settings: settings));
            await using var second = await StartAsync(new HubOnDatabase(database, settings: settings));

            var protectedByFirst = Protector(first).Protect("issued by the first replica");

            Assert.Equal("issued by the first replica", Protector(second).Unprotect(protectedByFirst));
            var key = Assert.Single(await first.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync()));
            Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task A_certificate_path_that_names_no_file_stops_the_hub_starting()
    {
        using var database = new SharedDatabase();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-certificate-{Guid.NewGuid():N}.pfx");
        await using var hub = new HubOnDatabase(database, settings: ReplicaSettings(new() { ["DataProtection:CertificatePath"] = missing }));

        var failure = await Assert.ThrowsAnyAsync<Exception>(hub.InitializeAsync);

        Assert.Contains($"DataProtection:CertificatePath names no file: {missing}.", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What every replica of one deployment is given alike; the local sign-in page lists council A.</summary>
    static Dictionary<string, string> ReplicaSettings(Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["LocalTokens:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [$"Tenants:LocalAuthorities:{HubFactory.TenantA}:Name"] = "Council A",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    static async Task<HubOnDatabase> StartAsync(HubOnDatabase hub)
    {
        await hub.InitializeAsync();
        return hub;
    }

    static IDataProtector Protector(HubFactory hub) =>
        hub.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SharedKeyRingTests");

    /// <summary>A browser that carries only the cookies a test gives it, so a cookie can be taken to another replica.</summary>
    static HttpClient Browser(HubFactory hub) =>
        hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The local sign-in form and its antiforgery cookie from one hub, filled in and posted to another (or the same).</summary>
    static async Task<HttpResponseMessage> SignInAsync(HttpClient formFrom, HttpClient postedTo)
    {
        using var form = await formFrom.GetAsync(HubPages.SignInPath);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, HubPages.SignInPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = LocalSignIn.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
                ["SignInAs"] = $"{HubFactory.TenantA}:{LocalUsers.PersonalAdviser(HubFactory.TenantA).Id}",
            }),
        };
        signIn.Headers.Add("Cookie", Cookies(form));
        return await postedTo.SendAsync(signIn);
    }

    /// <summary>The workspace page, asked for with the session cookie that signing in set.</summary>
    static async Task<HttpResponseMessage> WorkspaceAsync(HttpClient browser, HttpResponseMessage signedIn)
    {
        using var workspace = new HttpRequestMessage(HttpMethod.Get, "/workspace");
        workspace.Headers.Add("Cookie", Cookies(signedIn));
        return await browser.SendAsync(workspace);
    }

    /// <summary>The cookies a response sets, as a browser sends them back.</summary>
    static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    static byte[] SelfSignedPkcs12(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=care-leaver-referral-hub key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pkcs12, password);
    }
}
