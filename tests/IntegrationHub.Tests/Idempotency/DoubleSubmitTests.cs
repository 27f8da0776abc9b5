using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using IntegrationHub.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>
/// A form that makes something carries a key made when it is shown: the same form sent twice, as a double click or a
/// resend sends it, makes one thing and shows the first result.
/// </summary>
public sealed partial class DoubleSubmitTests(PagesSignInTests.LocalSignInHub hub) : IClassFixture<PagesSignInTests.LocalSignInHub>
{
    static readonly HubUser Adviser = LocalUsers.PersonalAdviser(HubFactory.TenantA);

    [Fact]
    public async Task Sending_the_checked_referral_twice_at_once_makes_one_referral_and_shows_it_both_times()
    {
        using var pa = hub.PersonalAdviser(userId: Adviser.Id);
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health));
        using var browser = await hub.SignedInBrowserAsync(Adviser, followRedirects: false);
        var refer = $"/workspace/young-people/{person.Id}/refer";
        var form = await browser.GetStringAsync(refer);
        var preview = await browser.PostAsync($"{refer}?handler=Continue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LocalSignIn.AntiforgeryToken(form),
            ["PlanVersion"] = plan.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Summary"] = "Anxiety getting worse since the move",
            ["Sections"] = PlanSectionCodes.Health,
            ["Agencies"] = AgencyCodes.Nhs,
            ["Bases[nhs].Reason"] = "Please see them about their anxiety.",
            ["Bases[nhs].Basis"] = LawfulBases.PublicTask,
        }));
        await ExpectAsync(preview, HttpStatusCode.OK);
        var (action, fields) = SendForm(await preview.Content.ReadAsStringAsync());

        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => browser.PostAsync(action, new FormUrlEncodedContent(fields))));

        Assert.All(sent, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        var referrals = await hub.QueryAsync(db => db.Referrals.Where(r => r.YoungPersonId == person.Id).Select(r => r.Id).ToListAsync());
        var referral = Assert.Single(referrals);
        Assert.All(sent, s => Assert.Equal($"/workspace/referrals/{referral}", s.Headers.Location?.OriginalString));
        Assert.Single(sent, s => s.IsReplayed());
    }

    /// <summary>The preview's send form as the browser sends it on "Send referral": its fields, with that button's own, and where it goes.</summary>
    static (string Action, List<KeyValuePair<string, string>> Fields) SendForm(string html)
    {
        var form = Forms().Matches(html).Select(m => m.Value).Single(f => f.Contains("handler=Send", StringComparison.Ordinal));
        var fields = Inputs().Matches(form)
            .Select(m => m.Value)
            .Where(input => input.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .Select(input => KeyValuePair.Create(Attribute(input, "name"), Attribute(input, "value", orElse: "")))
            .ToList();
        var send = Buttons().Matches(form).Select(m => m.Value).Single(b => b.Contains("handler=Send", StringComparison.Ordinal));
        fields.Add(KeyValuePair.Create(Attribute(send, "name"), Attribute(send, "value")));
        return (Attribute(send, "formaction"), fields);
    }

    /// <summary>An attribute's value; Razor leaves out a value attribute whose value is null, which a browser sends as empty.</summary>
    static string Attribute(string tag, string name, string? orElse = null) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : orElse ?? throw new InvalidOperationException($"No {name} in {tag}");

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Inputs();

    [GeneratedRegex("<button\\b[^>]*>")]
    private static partial Regex Buttons();
}
