namespace Reintegration.Core.ReferenceData;

/// <summary>
/// The first text for each published country, until a coordinator reviews it: the programme's support as the programme
/// describes it, in Dutch, English, French and Arabic.
/// </summary>
public static class CountryInformationSeed
{
    /// <summary>Who wrote the first text: the programme's published description, not a person.</summary>
    public const string Author = "programme";

    public static CountryInformation For(Country country, DateOnly reviewedOn) => new()
    {
        Code = country.Code,
        LastReviewedOn = reviewedOn,
        LastReviewedBy = Author,
        Texts =
        [
            new("nl",
            [
                $"Wie terugkeert naar {country.Name} kan steun krijgen bij een nieuwe start: een eigen bedrijf, werk, scholing, medische zorg, huisvesting of het gezin.",
                "Een partnerorganisatie ontvangt u bij aankomst, maakt samen met u een plan en besteedt het budget met u. Zij volgt een jaar lang hoe het met u gaat.",
            ], "Vraag uw begeleider bij uw organisatie in Nederland naar het programma; die meldt u aan."),
            new("en",
            [
                $"People who return to {country.Name} can get support for a fresh start: their own business, work, education, medical care, housing or family.",
                "A partner organisation receives you on arrival, works out a plan with you and spends the budget with you. It follows how you are doing for a year.",
            ], "Ask your counsellor at your organisation in the Netherlands about the programme; they refer you."),
            new("fr",
            [
                $"Les personnes qui retournent au pays ({country.Name}) peuvent recevoir un soutien pour un nouveau départ : leur propre entreprise, un emploi, une formation, des soins médicaux, un logement ou la famille.",
                "Une organisation partenaire vous accueille à l'arrivée, établit un plan avec vous et dépense le budget avec vous. Elle suit votre situation pendant un an.",
            ], "Demandez le programme à votre conseiller de votre organisation aux Pays-Bas ; il vous inscrit."),
            new("ar",
            [
                $"يمكن للعائدين إلى {country.Name} الحصول على دعم لبداية جديدة: مشروع خاص، عمل، تعليم، رعاية طبية، سكن أو الأسرة.",
                "تستقبلك منظمة شريكة عند وصولك، وتضع معك خطة وتنفق الميزانية معك، وتتابع أحوالك لمدة عام.",
            ], "اسأل مرشدك في منظمتك في هولندا عن البرنامج؛ فهو يسجلك فيه."),
        ],
    };
}
