using System.Text;
using IntegrationHub.Security;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// The access matrix written out for the Data Protection Officer (<c>docs/access-matrix.md</c>): every endpoint of the
/// hub against every caller, with the answer for each ownership case. It is made from <see cref="AccessTable"/> by the
/// same rule the test asks the hub with, so it says exactly what the test proves.
/// </summary>
public static class AccessMatrixDocument
{
    public static readonly string RelativePath = Path.Combine("docs", "access-matrix.md");

    public static int Endpoints => AccessTable.Rows.Count();

    /// <summary>One request each: every endpoint, as every caller, about an object of each of its ownership cases.</summary>
    public static int Cells => AccessTable.Rows.Sum(r => Caller.All.Count * r.Object.Cases.Count);

    public static string Size =>
        $"{Endpoints} endpoints × {Caller.All.Count} callers, each endpoint that addresses an object asked about 3 of them " +
        $"(the caller's own, another organisation's, another local authority's): {Cells} cells";

    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# Who may see what: the hub's access matrix")
            .AppendLine()
            .AppendLine("Every endpoint of the Care Leaver Referral Hub (its API, FHIR facade, pages, operations and board), every kind of caller, and")
            .AppendLine("for an endpoint about a young person's data, whose data it is: the answer each caller gets. It is the evidence, for the")
            .AppendLine("council's data protection impact assessment, of who can see and change what.")
            .AppendLine()
            .AppendLine("It is not a description but a test. `AccessMatrixTests` (in `tests/IntegrationHub.Tests/Security/AccessMatrix`) starts the hub,")
            .AppendLine("makes the objects below through its API, and makes every request in this matrix, as each caller, comparing every answer with")
            .AppendLine("the one written here. It lists the endpoints the running hub routes and fails if one has no row here, or a row names no endpoint.")
            .AppendLine("This file is written from the test's table (`AccessTable.cs`); the test fails if it is out of date. After changing the table, run")
            .AppendLine("`UPDATE_ACCESS_MATRIX=1 dotnet test tests/IntegrationHub.Tests --filter \"FullyQualifiedName~AccessMatrix\"` and commit the file.")
            .AppendLine()
            .AppendLine($"Size: {Size}.")
            .AppendLine()
            .AppendLine("## Callers")
            .AppendLine()
            .AppendLine("Every caller but the anonymous one is signed in for council A, with a bearer token for the API and FHIR and the sign-in cookie")
            .AppendLine("for the pages, both carrying the same claims.")
            .AppendLine()
            .AppendLine("| Column | Caller | Signed in as |")
            .AppendLine("|---|---|---|");
        foreach (var caller in Caller.All)
        {
            text.AppendLine($"| {caller.Column} | {caller.Name} | {SignedInAs(caller)} |");
        }

        text.AppendLine()
            .AppendLine("## Whose object")
            .AppendLine()
            .AppendLine("An endpoint about an object (a young person, a referral, one agency's leg of it, an escalation, a notification) is asked about three,")
            .AppendLine("written `own · another organisation's · another local authority's` in a cell:")
            .AppendLine()
            .AppendLine("- **Own**: the caller's own. For council staff, a case of their council; for an agency worker, a leg of their agency type sent to their")
            .AppendLine("  organisation; for a young person, their own record. A notification: one addressed to them by name, or for an agency worker, one")
            .AppendLine("  addressed to their agency type (as the hub tells an agency of an escalation) about their organisation's referral.")
            .AppendLine("- **Another organisation's**, in the same local authority. For an agency worker, a leg of their agency type sent to another organisation")
            .AppendLine("  of that type (the young person lives in another area, and the agency directory sends the leg to that area's organisation), and the")
            .AppendLine("  notification to their agency type about that organisation's referral. For a young person, another young person's record. For")
            .AppendLine("  council staff, whose organisation is the council itself, a case a colleague made in the same council: the council's staff share its")
            .AppendLine("  cases, so they see it as their own, but not a notification addressed to the colleague.")
            .AppendLine("- **Another local authority's**: a case of council B, whose legs go to the same organisations as council A's.")
            .AppendLine()
            .AppendLine("The objects are a young person with a pathway plan of every section, one referral of it to every agency, then cancelled, and an")
            .AppendLine("escalation about it at each level, then resolved (an escalation manager is asked about the one at their own level: team manager 1,")
            .AppendLine("head of service 2, board member 3). Because they have ended, the matrix's writes are refused on them (409, or the page shown again")
            .AppendLine("with the refusal), so no request changes what another reads; a write that makes something new (a young person, a plan version,")
            .AppendLine("a referral, an escalation) makes it. An endpoint that addresses nothing of anyone's is asked once.")
            .AppendLine()
            .AppendLine("## Answers")
            .AppendLine()
            .AppendLine("- Nobody signed in: `401` from the API and FHIR, `→ sign-in` (302 to the sign-in page) from a page.")
            .AppendLine("- A role the endpoint does not admit: `403` from the API and FHIR, `→ 403 page` (302 to the page saying the role may not see it)")
            .AppendLine("  from a page, whatever the object.")
            .AppendLine("- An admitted caller, on an object they may see: the row's answer. On an object they may not see: `404`, as for an id that does not")
            .AppendLine("  exist, never 403 and never the object; a list (`lists`) leaves it out (`omits`); an object named in a request's body rather than")
            .AppendLine("  its address is a `400` naming the field, as for an id that does not exist.")
            .AppendLine("- Public endpoints (the sign-in page, health, the API's documentation, static files) answer anyone alike.");

        foreach (var section in AccessTable.Sections)
        {
            text.AppendLine()
                .AppendLine($"## {section.Title}")
                .AppendLine()
                .AppendLine($"| Endpoint | Object | Who may call | An admitted caller gets | {string.Join(" | ", Caller.All.Select(c => c.Column))} |")
                .AppendLine($"|---|---|---|---|{string.Concat(Caller.All.Select(_ => "---|"))}");
            foreach (var row in section.Rows)
            {
                var cells = Caller.All.Select(caller => Grid(row, caller));
                text.AppendLine($"| `{row.Endpoint}` | {row.Object} | {row.Who} | {row.Allowed.Words} | {string.Join(" | ", cells)} |");
            }
        }

        return text.ToString();
    }

    /// <summary>A caller's answers to an endpoint: one when every case gets the same, else own · another organisation's · another local authority's.</summary>
    static string Grid(AccessRow row, Caller caller)
    {
        var answers = row.Object.Cases.Select(ownership => row.Expected(caller, ownership).Code).ToList();
        return answers.Distinct().Count() == 1 ? answers[0] : string.Join(" · ", answers);
    }

    static string SignedInAs(Caller caller) => caller.Role switch
    {
        null => "nobody: no token, no cookie",
        HubRoles.Agency => $"role `{HubRoles.Agency}`, agency `{caller.Agency}`, organisation: the one council A's agency directory sends {caller.Agency} legs to",
        HubRoles.YoungPerson => $"role `{HubRoles.YoungPerson}`, bound to their own record by the `{HubClaims.YoungPerson}` claim",
        _ => $"role `{caller.Role}`",
    };
}
