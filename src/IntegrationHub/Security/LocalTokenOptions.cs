using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Security;

/// <summary>
/// A locally held signing key for development and tests. Tokens it signs go through the same
/// Microsoft.Identity.Web validation as Entra ID tokens; it is refused outside the Development and Testing environments.
/// </summary>
public sealed class LocalTokenOptions
{
    public const string Section = "LocalTokens";

    public bool Enabled { get; set; }

    [Required]
    public string Issuer { get; set; } = "https://login.microsoftonline.com/00000000-0000-0000-0000-00000000c1a0/v2.0";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);
}
