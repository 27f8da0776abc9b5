using System.Security.Cryptography.X509Certificates;
using IntegrationHub.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace IntegrationHub.Security;

/// <summary>
/// The ASP.NET Data Protection key ring that protects the pages' session cookie and antiforgery tokens, kept in the
/// hub's database under one application name: every replica reads and writes the same ring, so a cookie or form that
/// one replica issued is accepted by whichever replica the next request reaches, and survives a pod's restart.
/// </summary>
public static class KeyRing
{
    /// <summary>The same on every replica and every version: Data Protection isolates payloads by it.</summary>
    public const string ApplicationName = "care-leaver-referral-hub";

    public static IHostApplicationBuilder AddSharedKeyRing(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HubDbContext>();

        // Without a certificate the keys rest in the database as they are, guarded by its access rules alone.
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.CertificatePath is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath names no file: {path}.");
            }

            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword));
        }

        return builder;
    }
}

/// <summary>Settings of the <see cref="KeyRing"/>, under <c>DataProtection</c>.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (with its private key) that encrypts the keys at rest; mounted from a secret, never in the image.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, from a secret.</summary>
    public string? CertificatePassword { get; set; }
}
