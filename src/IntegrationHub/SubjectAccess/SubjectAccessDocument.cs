using System.Globalization;
using System.Net;
using System.Text;

namespace IntegrationHub.SubjectAccess;

/// <summary>
/// The report as one self-contained, readable HTML page to give the young person: headings and tables,
/// no scripts, every value encoded.
/// </summary>
public static class SubjectAccessDocument
{
    public static string Render(SubjectAccessReport report)
    {
        var person = report.Person.Details;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Subject access report: ").Append(E($"{person.GivenName} {person.FamilyName}")).Append("</title>\n")
            .Append("<style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1.5em}")
            .Append("th,td{border-bottom:1px solid #b1b4b6;padding:.4em .8em;text-align:left;vertical-align:top}</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>Information we hold about ").Append(E($"{person.GivenName} {person.FamilyName}")).Append("</h1>\n")
            .Append("<p>Produced ").Append(When(report.ProducedAt)).Append(" in answer to a subject access request (UK GDPR Article 15).</p>\n");

        html.Append("<h2>Your record</h2>\n");
        Table(html, ["Item", "What we hold"],
        [
            ["Name", $"{person.GivenName} {person.FamilyName}"],
            ["Date of birth", Day(person.DateOfBirth)],
            ["Email", person.Email], ["Phone", person.Phone], ["Address", person.AddressLine], ["Postcode", person.Postcode],
            ["Local authority person id", person.LocalAuthorityPersonId], ["NHS number", person.NhsNumber],
            ["National Insurance number", person.NationalInsuranceNumber], ["Probation case reference (CRN)", person.Crn],
            ["Area you live in", person.ResidenceArea], ["Recorded", $"{When(report.Person.CreatedAt)} by {report.Person.CreatedBy}"],
        ]);

        html.Append("<h2>Your pathway plan</h2>\n");
        foreach (var plan in report.PlanVersions)
        {
            html.Append("<h3>Version ").Append(plan.Number).Append(", ").Append(When(plan.CreatedAt)).Append(" by ").Append(E(plan.CreatedBy)).Append("</h3>\n");
            Table(html, ["Section", "Needs", "Actions", "Owner", "Review"],
                [.. plan.Sections.Select(s => new[] { s.Code, string.Join("; ", s.Needs), string.Join("; ", s.Actions), s.Owner, s.ReviewDate is { } review ? Day(review) : null })]);
        }

        html.Append("<h2>Who your information was shared with</h2>\n");
        Table(html, ["Organisation", "Why you were referred to it", "Plan sections shared", "Identifiers shared", "Sent", "Lawful basis", "Status"],
            [.. report.Disclosures.Select(d => new[]
            {
                d.Recipient.Name, d.Reason, string.Join(", ", d.SharedSections), string.Join(", ", d.SharedIdentifiers.Select(i => i.Type)),
                When(d.SentAt), $"{d.LawfulBasis.Basis}, recorded by {d.LawfulBasis.RecordedBy}", d.Status,
            })]);

        html.Append("<h2>Your consents to share</h2>\n");
        Table(html, ["Agency", "Given", "Evidence", "Recorded", "Review by", "Withdrawn"],
            [.. report.Consents.Select(c => new[]
            {
                c.Agency, Day(c.GivenOn), c.Evidence, $"{When(c.RecordedAt)} by {c.RecordedBy}", Day(c.ReviewOn),
                c.Withdrawal is { } w ? $"{When(w.At)} by {w.By} ({w.ByRole}){(w.Reason is null ? "" : $": {w.Reason}")}" : null,
            })]);

        html.Append("<h2>Your referrals</h2>\n");
        foreach (var referral in report.Referrals)
        {
            html.Append("<h3>Referral of ").Append(When(referral.CreatedAt)).Append(" by ").Append(E(referral.ReferrerName)).Append("</h3>\n")
                .Append("<p>").Append(E(referral.Summary)).Append(" (status: ").Append(E(referral.Status)).Append(")</p>\n");
            Table(html, ["When", "Who", "What", "Agency", "Details"],
                [.. referral.Timeline.Select(t => new[] { When(t.At), t.Actor, t.Kind, t.Agency, t.Detail })]);
        }

        html.Append("<h2>What agencies told us</h2>\n");
        Table(html, ["Agency", "Fact", "Date", "Recorded", "Response"],
            [.. report.LegFacts.Select(f => new[] { f.Agency, f.Kind, Day(f.Date), When(f.RecordedAt), f.Response })]);

        html.Append("<h2>Escalations</h2>\n");
        Table(html, ["Raised", "Agency", "Level", "Reason", "Resolved", "Outcome"],
            [.. report.Escalations.Select(e => new[] { When(e.RaisedAt), e.Agency, e.Level.ToString(CultureInfo.InvariantCulture), e.Reason, e.ResolvedAt is { } at ? When(at) : null, e.Outcome })]);

        html.Append("<h2>What the Corporate Parenting Board was told</h2>\n");
        Table(html, ["Escalation", "Resolution proposed", "Proposed by", "Your words", "You agreed on"],
            [.. report.CasePapers.Select(p => new[] { p.EscalationId.ToString(), p.FavouredResolution, p.ResolutionProposedByRole, p.Words, p.WordsAgreedOn is { } agreed ? Day(agreed) : null })]);

        html.Append("<h2>What the Corporate Parenting Board decided</h2>\n");
        Table(html, ["Decided", "Action", "Owned by", "Owner", "Due", "Status"],
            [.. report.BoardActions.Select(a => new[] { When(a.DecidedAt), a.Action, a.Organisation, a.Owner, Day(a.DueOn), a.Status })]);

        html.Append("<h2>Messages about you</h2>\n");
        Table(html, ["Sent", "To", "Subject", "Message"],
            [.. report.Notifications.Select(n => new[] { When(n.CreatedAt), n.ToUser ?? n.ToRole, n.Subject, n.Body })]);

        html.Append("<h2>Who has read your information</h2>\n");
        Table(html, ["When", "Who", "Role", "Agency", "Organisation", "Record", "Basis"],
            [.. report.Reads.Select(r => new[] { When(r.At), r.ActorId, r.ActorRole, r.Agency, r.Organisation, $"{r.ResourceType} {r.ResourceId}", r.Basis })]);

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A table with a header row; an empty one says so instead, so a reader knows nothing is held there.</summary>
    static void Table(StringBuilder html, string[] headings, IReadOnlyList<string?[]> rows)
    {
        if (rows.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var heading in headings)
        {
            html.Append("<th scope=\"col\">").Append(E(heading)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell ?? "")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    static string E(string text) => WebUtility.HtmlEncode(text);
}
