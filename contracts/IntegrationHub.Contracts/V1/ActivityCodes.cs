namespace IntegrationHub.Contracts.V1;

/// <summary>
/// What a care leaver is doing now, in the categories of the Department for Education's SSDA903 children looked after
/// return (care leavers: ACTIV): in education, training or employment, full or part time (F or P), or not and why (G).
/// Codes and labels as the return's validation rule 132 and its guide give them (data-to-insight/csc-validator-be-903,
/// lac_validator/rules/lac2022_23/rule_132.py, unchanged in later years; F3 and P3 were retired for F4/F5 and P4/P5).
/// </summary>
public static class ActivityCodes
{
    public const string FullTimeHigherEducation = "F1";
    public const string PartTimeHigherEducation = "P1";
    public const string FullTimeOtherEducation = "F2";
    public const string PartTimeOtherEducation = "P2";
    public const string FullTimeApprenticeship = "F4";
    public const string PartTimeApprenticeship = "P4";
    public const string FullTimeTrainingOrEmployment = "F5";
    public const string PartTimeTrainingOrEmployment = "P5";
    public const string NotInEetIllnessOrDisability = "G4";
    public const string NotInEetOther = "G5";
    public const string NotInEetPregnancyOrParenting = "G6";

    /// <summary>The return's 0: the leaving care team is not in touch and does not know.</summary>
    public const string NoInformation = "0";

    /// <summary>The codes that count as in education, employment or training (EET), full or part time.</summary>
    public static IReadOnlyList<string> InEducationEmploymentOrTraining { get; } =
    [
        FullTimeHigherEducation, PartTimeHigherEducation, FullTimeOtherEducation, PartTimeOtherEducation,
        FullTimeApprenticeship, PartTimeApprenticeship, FullTimeTrainingOrEmployment, PartTimeTrainingOrEmployment,
    ];

    // After the list above: static properties are initialised in the order they are written.
    public static IReadOnlyList<string> All { get; } =
        [.. InEducationEmploymentOrTraining, NotInEetIllnessOrDisability, NotInEetOther, NotInEetPregnancyOrParenting, NoInformation];

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [FullTimeHigherEducation] = "Young person engaged full time in higher education (for example studies beyond A level)",
        [PartTimeHigherEducation] = "Young person engaged part time in higher education (for example studies beyond A level)",
        [FullTimeOtherEducation] = "Young person engaged full time in education other than higher education",
        [PartTimeOtherEducation] = "Young person engaged part time in education other than higher education",
        [FullTimeApprenticeship] = "Young person engaged full time in an apprenticeship",
        [PartTimeApprenticeship] = "Young person engaged part time in an apprenticeship",
        [FullTimeTrainingOrEmployment] = "Young person engaged full time in training or employment (not apprenticeship)",
        [PartTimeTrainingOrEmployment] = "Young person engaged part time in training or employment (not apprenticeship)",
        [NotInEetIllnessOrDisability] = "Young person not in education, employment or training because of illness or disability",
        [NotInEetOther] = "Young person not in education, employment or training: other circumstances",
        [NotInEetPregnancyOrParenting] = "Young person not in education, employment or training due to pregnancy or parenting",
        [NoInformation] = "Not in touch with the young person and do not know their activity, or the young person has died, or returned home to live with parents or someone with parental responsibility for a continuous period of 6 months or more",
    };
}
