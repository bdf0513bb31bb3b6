using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Placement.Fhir.Tests;

/// <summary>What an EHR integrator does with the FHIR side: the questionnaire, responses to it, and the result as a GuidanceResponse.</summary>
public sealed class FhirTests
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    private static string Root
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Placement.sln"))) dir = Path.GetDirectoryName(dir)!;
            return dir;
        }
    }

    private static IEnumerable<Questionnaire.ItemComponent> Items(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => new[] { i }.Concat(Items(i.Item)));

    [Fact]
    public void Questionnaire_HasOneItemPerCriterion_TypedRequiredAndHelped_AsTheRuleSetSays()
    {
        var q = FhirQuestionnaire.For(Rules);
        var questions = Items(q.Item).Where(i => i.Type is not (Questionnaire.QuestionnaireItemType.Group or Questionnaire.QuestionnaireItemType.Display)).ToDictionary(i => i.LinkId!);

        q.Url.Should().Be("urn:placement:questionnaire:adult-sud-placement");
        q.Version.Should().Be(Rules.Version);
        questions.Keys.Should().BeEquivalentTo(Rules.Criteria.Select(c => c.Id));
        q.Item[0].LinkId.Should().Be("ask-1", "the first tier is asked first");

        var ciwa = questions["ciwa_ar"];
        ciwa.Type.Should().Be(Questionnaire.QuestionnaireItemType.Integer);
        ciwa.GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/maxValue").Value.Should().Be(67);
        var substances = questions["withdrawal_substances"];
        substances.Repeats.Should().BeTrue();
        substances.AnswerOption.Select(o => ((Coding)o.Value!).Display).Should().Contain(["GHB or GBL", "None of these"]);
        questions["moud"].Repeats.Should().NotBe(true);
        questions["pregnant"].Type.Should().Be(Questionnaire.QuestionnaireItemType.Boolean);
        foreach (var c in Rules.Criteria.Where(c => c.IsRequired)) questions[c.Id].Required.Should().BeTrue(c.Id);
        questions["harm_risk"].Item.Should().ContainSingle(h => h.Type == Questionnaire.QuestionnaireItemType.Display && h.Text == Rules.Criteria.Single(c => c.Id == "harm_risk").Description);

        // Conditionally required: shown and required while the condition holds.
        foreach (var c in Rules.Criteria.Where(c => c.RequiredWhen is not null))
        {
            questions[c.Id].EnableWhen.Should().NotBeEmpty($"{c.Id} is required when {c.RequiredWhen}");
            questions[c.Id].Required.Should().BeTrue();
        }

        // Valid FHIR: it parses back as a Questionnaire.
        var json = FhirGuidance.ToJson(q);
        new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(json).Should().BeOfType<Questionnaire>();
    }

    public static TheoryData<string> Examples => new(
        Directory.GetFiles(Path.Combine(Root, "rules", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExample_AsAQuestionnaireResponse_ReadsBackToTheSameAssessment(string example)
    {
        var assessment = Assessment.Parse(File.ReadAllText(Path.Combine(Root, "rules", "examples", example)), Rules);
        var json = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(assessment));

        var back = FhirAssessment.FromJson(json, Rules);

        back.Outcome.Issue.Should().BeEmpty();
        back.Assessment.Should().Be(assessment);
    }

    [Fact]
    public void AnEmptySet_IsNoneOfThese_NotUnknown()
    {
        var none = Rules.NewAssessment().Set("withdrawal_substances", Array.Empty<string>()).Build();
        var qr = FhirQuestionnaireResponse.For(none);

        ((Coding)qr.Item.Single().Answer.Single().Value!).Code.Should().Be("none-of-these");
        FhirAssessment.FromQuestionnaireResponse(qr, Rules).Assessment!.Get("withdrawal_substances").Should().Be("[]");
    }

    [Fact]
    public void AnswersThatDoNotFit_AreAnOperationOutcome_NamingEachItem_NeverTheValue()
    {
        var qr = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed };
        qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "ciwa_ar", Answer = [new() { Value = new FhirString("twelve") }] });
        qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "cows", Answer = [new() { Value = new Integer(4000) }] });
        qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "moud", Answer = [new() { Value = new Coding(FhirQuestionnaire.CodeSystem(Rules, Rules.Criteria.Single(c => c.Id == "moud")), "heroin") }] });
        qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "home_stability", Answer = [new() { Value = new Coding("urn:other", "stable") }, new() { Value = new Coding("urn:other", "unsafe") }] });
        qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "shoe_size", Answer = [new() { Value = new Integer(44) }] });

        var result = FhirAssessment.FromQuestionnaireResponse(qr, Rules);

        result.Success.Should().BeFalse();
        var issues = result.Outcome.Issue;
        issues.Should().OnlyContain(i => i.Severity == OperationOutcome.IssueSeverity.Error);
        issues.SelectMany(i => i.Expression).Should().BeEquivalentTo(
            new[] { "ciwa_ar", "cows", "moud", "home_stability", "shoe_size" }.Select(l => $"QuestionnaireResponse.item.where(linkId='{l}')"));
        issues.Select(i => i.Diagnostics!).Should().NotContain(d => d.Contains("twelve") || d.Contains("4000") || d.Contains("heroin") || d.Contains("44"));
    }

    [Fact]
    public void NotAQuestionnaireResponse_IsAStructureIssue()
    {
        FhirAssessment.FromJson("""{"resourceType":"Patient","active":true}""", Rules).Outcome.Issue.Single().Diagnostics.Should().Be("expected a QuestionnaireResponse, not a Patient");
        FhirAssessment.FromJson("{", Rules).Outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Structure);

        // The parser's complaint about a value is reported by position only, never quoting the value.
        var bad = FhirAssessment.FromJson("""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"ciwa_ar","answer":[{"valueInteger":"secret-twelve"}]}]}""", Rules);
        bad.Outcome.Issue.Single().Diagnostics.Should().StartWith("not valid FHIR JSON: at ").And.NotContain("secret-twelve");
    }

    [Fact]
    public void GuidanceResponse_ShowsStatusLevelsAndWhatToAsk_NeverALevelNotDecided()
    {
        var insufficient = Rules.Recommend(Rules.NewAssessment().Set("withdrawal_substances", ["alcohol"]).Set("ciwa_ar", 22).Build());

        var g = FhirGuidance.For(insufficient, "hook-1");

        g.Status.Should().Be(GuidanceResponse.GuidanceResponseStatus.DataRequired);
        g.RequestIdentifier!.Value.Should().Be("urn:uuid:hook-1");
        var levels = (Parameters)g.Contained.Single();
        var care = levels.Parameter.Single(p => p.Name == "level_of_care");
        care.Part.Select(p => p.Name).Should().Equal("floor", "ceiling");
        ((Coding)care.Part[0].Value!).Code.Should().Be("medically_monitored_inpatient");
        g.DataRequirement.Select(d => d.MustSupport.Single()).Should().Contain("item.where(linkId='harm_risk').answer");
        g.Note.Single().Text.Should().StartWith("# Placement recommendation (insufficient)");
        g.Identifier.Single().Value.Should().Be(Rules.Sha256);
        new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(FhirGuidance.ToJson(g)).Should().BeOfType<GuidanceResponse>();

        var text = File.ReadAllText(Path.Combine(Root, "rules", "examples", "iop.yaml"));
        var recommended = FhirGuidance.For(Rules.Recommend(Assessment.Parse(text, Rules)));
        recommended.Status.Should().Be(GuidanceResponse.GuidanceResponseStatus.Success);
        ((Parameters)recommended.Contained.Single()).Parameter.Single(p => p.Name == "level_of_care").Part.Select(p => p.Name).Should().Equal("level", "floor", "ceiling");
    }
}
