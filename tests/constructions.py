"""French constructions with the quotations a journalist expects quotetrack to find.

Each case: a short text and the quotes in text order. A quote is (text, kind, speaker):
- text: the quoted words with the quotation marks removed; when an incise interrupts a
  quotation (« A », a-t-il dit, « B »), it is ONE quote whose text is "A […] B".
  For indirect speech, text is the reported clause without the cue (see below).
- kind: "direct" (a whole statement in quotation marks), "partial" (a quoted fragment
  inside the writer's own sentence), "indirect" (reported speech without marks).
- speaker: the canonical speaker: the full name of a person as the text gives it
  (without M./Mme/Dr or descriptions like "le Norvégien"), the organization's name,
  the noun phrase of an anonymous source as written ("une source proche du dossier"),
  or None when the text does not say who spoke.
"""
from typing import NamedTuple

class Q(NamedTuple):
    text: str
    kind: str
    speaker: str | None

class Case(NamedTuple):
    id: str
    text: str
    quotes: list
    parse_free: bool = False   # True when finding the quote spans needs no parser (see below)

# Conventions used in this table (read by the tests that consume CASES):
#
# Quote text
# - Direct and partial quotes: exactly the characters between the opening and the closing
#   mark, minus the padding space right inside the marks (" ", "\u00a0" or "\u202f").
#   Punctuation written INSIDE the marks is kept (« Nous irons. » -> "Nous irons."), punctuation
#   outside is not (« Nous irons », a-t-il dit. -> "Nous irons").
# - Interrupted quotes (« A », a-t-il dit, « B » ; « A, dit-il, B » ; a dash paragraph whose
#   speech resumes after the incise): ONE quote "A […] B" (parts joined with " […] "); each
#   part is an exact substring of the text; the comma that opens the incise is not part of A.
# - Dialogue dashes ("— " or "– " at the start of a paragraph): the speech runs from after
#   the dash to the incise, and resumes after the incise up to the end of the paragraph.
# - Indirect speech: the reported clause, an exact substring of the text, without the cue,
#   without the conjunction "que"/"qu'", and without the sentence-final period
#   ("Selon l'Insee, le chômage a reculé." -> "le chômage a reculé").
#   A noun-phrase object ("a présenté un plan", "a requis cinq ans de prison") is not
#   indirect speech: only clauses are.
# - Quote inside a quote: only the OUTER quote is listed; its text keeps the inner marks
#   as written (the inner words are relayed by the outer speaker).
# - Unclosed opening mark: the quote runs to the end of its paragraph (trailing
#   punctuation of the paragraph included).
# - Quote spanning two paragraphs (French convention: the second paragraph reopens with «,
#   only the last one closes): the expected text is the FIRST paragraph's quoted words only;
#   the test checks that the extracted quote STARTS with them (ids "multi_paragraph_*").
#
# Kind
# - "direct": a whole statement in marks (after an incise, a colon, "Selon X," / "Pour X,"
#   or standing alone as a paragraph), whatever its capitalization.
# - "partial": a fragment governed by the writer's sentence (an adjective, a noun phrase,
#   a clause after "que"): X a affirmé que « ... » is partial.
#
# Speaker
# - Person: full name as the text gives it somewhere (a later "M. Lemoine", "le Premier
#   ministre" or "il" resolves to the full name), without civil titles (M., Mme, Me, Dr),
#   ranks (le colonel) or descriptions (l'économiste, le Lyonnais, la navigatrice). When the
#   text only ever gives a surname ("M. Dubois"), the speaker is that surname.
# - Organization (institution, company, club, administration, court, police): its noun
#   phrase as written WITHOUT the leading definite article, whether it is a proper name or a
#   common noun: "l'Élysée" -> "Élysée", "la préfecture du Nord" -> "préfecture du Nord",
#   "le ministère de l'Intérieur" -> "ministère de l'Intérieur", "la police" -> "police",
#   "la SNCF" -> "SNCF"; names without article stay as they are ("Sofralux").
# - Anonymous sources and groups of people (not institutions): the noun phrase as written,
#   WITH its determiner, lowercase as in the text: "une source proche du dossier",
#   "des sources diplomatiques", "les syndicats", "les aides-soignantes".
# - None: nobody in the text can be the speaker.
#
# parse_free
# - True only when every expected quote is a plain pair of quotation marks with one obvious
#   reading, every pair of marks in the text is an expected quote, and there is no indirect
#   speech, incise join, dash dialogue, nesting, unbalanced mark or multi-paragraph quote.
#   (Speaker resolution may still need a parser: parse_free tests check only the texts.)
#
# Negatives: ids start with "neg_"; their quotes list is empty or holds only the genuine
# quotations (titles, names, scare quotes, words as words, operation names are excluded).

CASES = [
    # ------------------------------------------------------------------
    # 1. Quotation mark variants and spacing
    # ------------------------------------------------------------------
    Case(
        "direct_guillemets_plain_space",
        "« Nous ne fermerons aucune classe à la rentrée », a déclaré jeudi le recteur de "
        "l'académie de Dijon, Pascal Morin.",
        [Q("Nous ne fermerons aucune classe à la rentrée", "direct", "Pascal Morin")],
        True,
    ),
    Case(
        "direct_guillemets_nbsp",
        "«\u00a0Le marché immobilier est en train de se retourner\u00a0», a affirmé mardi "
        "Sophie Lambert, présidente de la chambre des notaires de l'Hérault.",
        [Q("Le marché immobilier est en train de se retourner", "direct", "Sophie Lambert")],
        True,
    ),
    Case(
        "direct_guillemets_narrow_nbsp",
        "«\u202fOn a manqué de réalisme devant le but\u202f», a regretté l'entraîneur du "
        "Stade rennais, Julien Carré, après le nul (1-1) concédé face à Lens.",
        [Q("On a manqué de réalisme devant le but", "direct", "Julien Carré")],
        True,
    ),
    Case(
        "direct_guillemets_nbsp_question_mark",
        "«\u00a0Comment expliquer aux familles que la maternité va fermer\u00a0?\u00a0», "
        "s'interroge la maire de Pontivy, Catherine Le Bihan.",
        [Q("Comment expliquer aux familles que la maternité va fermer\u00a0?", "direct",
           "Catherine Le Bihan")],
        True,
    ),
    Case(
        "direct_guillemets_no_inner_space",
        "«Les commerçants du centre-ville n'en peuvent plus des travaux», a lancé "
        "vendredi Fatima Zerrouki, présidente de l'union commerciale de Roanne.",
        [Q("Les commerçants du centre-ville n'en peuvent plus des travaux", "direct",
           "Fatima Zerrouki")],
        True,
    ),
    Case(
        "direct_english_curly_quotes",
        "“Nous avons besoin de plus de bras dans les vignes”, a expliqué Bertrand Mazel, "
        "viticulteur à Saint-Émilion, à l'ouverture des vendanges.",
        [Q("Nous avons besoin de plus de bras dans les vignes", "direct", "Bertrand Mazel")],
        True,
    ),
    Case(
        "direct_low_high_quotes",
        "„Le chantier sera livré avec six mois de retard“, a reconnu le président de la "
        "métropole, Hervé Castel.",
        [Q("Le chantier sera livré avec six mois de retard", "direct", "Hervé Castel")],
        True,
    ),
    Case(
        "direct_straight_double_quotes",
        "\"La situation sanitaire est sous contrôle\", a assuré vendredi le directeur de "
        "l'agence régionale de santé, Yannick Poirier.",
        [Q("La situation sanitaire est sous contrôle", "direct", "Yannick Poirier")],
        True,
    ),
    Case(
        "direct_straight_quotes_cue_before_colon",
        "Le maire de Vannes, Loïc Le Gall, a déclaré : \"Le festival aura bien lieu cet "
        "été.\"",
        [Q("Le festival aura bien lieu cet été.", "direct", "Loïc Le Gall")],
        True,
    ),
    Case(
        "direct_exclamation_nbsp",
        "«\u00a0Quelle émotion, c'est le plus beau jour de ma vie\u00a0!\u00a0», s'est "
        "exclamée la nageuse Chloé Barbier après son titre mondial sur 200 m papillon.",
        [Q("Quelle émotion, c'est le plus beau jour de ma vie\u00a0!", "direct",
           "Chloé Barbier")],
        True,
    ),

    # ------------------------------------------------------------------
    # 2. Incise after the quote
    # ------------------------------------------------------------------
    Case(
        "incise_after_inverted_pronoun",
        "La présidente de la région, Valérie Dumas, a inauguré lundi le nouveau lycée de "
        "Fougères. « C'est un investissement de 40 millions d'euros pour l'avenir de nos "
        "enfants », a-t-elle souligné.",
        [Q("C'est un investissement de 40 millions d'euros pour l'avenir de nos enfants",
           "direct", "Valérie Dumas")],
        True,
    ),
    Case(
        "incise_after_estime_role_then_name",
        "« La vaccination reste la meilleure protection pour les plus fragiles », estime la "
        "ministre de la Santé, Agnès Martin.",
        [Q("La vaccination reste la meilleure protection pour les plus fragiles", "direct",
           "Agnès Martin")],
        True,
    ),
    Case(
        "incise_after_selon",
        "«\u00a0Les négociations sont au point mort\u00a0», selon Marc-Antoine Giraud, "
        "délégué syndical CFDT du site.",
        [Q("Les négociations sont au point mort", "direct", "Marc-Antoine Giraud")],
        True,
    ),
    Case(
        "incise_after_present_inversion",
        "« Il faut relancer le fret ferroviaire avant qu'il ne soit trop tard », plaide "
        "Isabelle Ferrer, députée de l'Aude.",
        [Q("Il faut relancer le fret ferroviaire avant qu'il ne soit trop tard", "direct",
           "Isabelle Ferrer")],
        True,
    ),
    Case(
        "incise_after_role_comma_name",
        "«\u202fNous irons jusqu'au bout\u202f», a prévenu le président de la chambre "
        "d'agriculture de la Marne, Gilles Arnaud.",
        [Q("Nous irons jusqu'au bout", "direct", "Gilles Arnaud")],
        True,
    ),
    Case(
        "incise_after_a_ajoute_sequence",
        "« Nous respecterons le calendrier », a promis le ministre des Transports, Patrick "
        "Lenoir. « Les premiers trains circuleront en 2030 », a-t-il ajouté.",
        [Q("Nous respecterons le calendrier", "direct", "Patrick Lenoir"),
         Q("Les premiers trains circuleront en 2030", "direct", "Patrick Lenoir")],
        True,
    ),
    Case(
        "incise_after_adverbs_and_aupres_de",
        "« Les stocks de sang sont au plus bas », a alerté mercredi auprès de l'AFP le "
        "directeur de l'Établissement français du sang en Bretagne, Arnaud Quéméner.",
        [Q("Les stocks de sang sont au plus bas", "direct", "Arnaud Quéméner")],
        True,
    ),
    Case(
        "incise_after_court_defendant",
        "« Je regrette profondément », a déclaré le prévenu, Mickaël Besnard, avant que le "
        "tribunal ne se retire pour délibérer.",
        [Q("Je regrette profondément", "direct", "Mickaël Besnard")],
        True,
    ),
    Case(
        "incise_after_doctor_title",
        "«\u00a0Nous voyons arriver des patients de plus en plus jeunes\u00a0», observe le "
        "Dr Nadia Benali, cheffe des urgences du CHU de Grenoble.",
        [Q("Nous voyons arriver des patients de plus en plus jeunes", "direct",
           "Nadia Benali")],
        True,
    ),
    Case(
        "incise_after_interviewed_by_outlet",
        "« Le centre-ville meurt à petit feu », estime Jean-Claude Hamon, commerçant à "
        "Lannion, interrogé par Le Télégramme.",
        [Q("Le centre-ville meurt à petit feu", "direct", "Jean-Claude Hamon")],
        True,
    ),
    Case(
        "incise_after_selon_lui",
        "L'avocat de l'association, Me Rémi Chastel, va faire appel. « Cette décision est "
        "purement politique », selon lui.",
        [Q("Cette décision est purement politique", "direct", "Rémi Chastel")],
        True,
    ),
    Case(
        "incise_after_business_possessive_role",
        "Le groupe Maréchal Industries a publié jeudi un bénéfice net en hausse de "
        "12\u00a0%. «\u00a0Nous avons gagné des parts de marché en Asie\u00a0», s'est "
        "félicité son directeur financier, Olivier Brun.",
        [Q("Nous avons gagné des parts de marché en Asie", "direct", "Olivier Brun")],
        True,
    ),
    Case(
        "incise_after_explique_t_il_local",
        "Yannick Le Bras pêche la coquille Saint-Jacques depuis trente ans à Erquy. « On vit "
        "au rythme des marées et des quotas », explique-t-il.",
        [Q("On vit au rythme des marées et des quotas", "direct", "Yannick Le Bras")],
        True,
    ),

    # ------------------------------------------------------------------
    # 3. Incise in the middle: one quote "A […] B"
    # ------------------------------------------------------------------
    Case(
        "incise_middle_elle",
        "La ministre du Travail, Claire Bernardin, a reçu mercredi les partenaires sociaux. "
        "« Nous sommes à quelques détails d'un accord », a-t-elle expliqué, « et je ne doute "
        "pas de la bonne volonté de chacun. »",
        [Q("Nous sommes à quelques détails d'un accord […] et je ne doute pas de la bonne "
           "volonté de chacun.", "direct", "Claire Bernardin")],
    ),
    Case(
        "incise_middle_full_name",
        "«\u00a0Ce n'est pas une défaite\u00a0», a estimé Thomas Girard, le capitaine du XV "
        "de France, «\u00a0c'est une leçon pour la suite.\u00a0»",
        [Q("Ce n'est pas une défaite […] c'est une leçon pour la suite.", "direct",
           "Thomas Girard")],
    ),
    Case(
        "incise_middle_straight_quotes",
        "\"On savait que ce serait dur\", a reconnu la skieuse Léa Marchal, \"mais pas à ce "
        "point-là.\"",
        [Q("On savait que ce serait dur […] mais pas à ce point-là.", "direct",
           "Léa Marchal")],
    ),
    Case(
        "incise_inside_single_pair",
        "Le rapporteur du budget, Damien Faure, a défendu son texte en commission. « Ce "
        "budget, reconnaît-il, n'est pas parfait, mais il a le mérite d'exister. »",
        [Q("Ce budget […] n'est pas parfait, mais il a le mérite d'exister.", "direct",
           "Damien Faure")],
    ),
    Case(
        "incise_middle_nnbsp_organization",
        "«\u202fLa circulation sera rétablie dans la soirée\u202f», a précisé la "
        "préfecture de l'Isère, «\u202fsauf nouvel éboulement.\u202f»",
        [Q("La circulation sera rétablie dans la soirée […] sauf nouvel éboulement.",
           "direct", "préfecture de l'Isère")],
    ),

    # ------------------------------------------------------------------
    # 4. Cue before the quote
    # ------------------------------------------------------------------
    Case(
        "cue_before_colon_declare",
        "Le président du conseil départemental, Michel Fabre, a déclaré\u00a0: «\u00a0Aucune "
        "route ne sera fermée cet hiver.\u00a0»",
        [Q("Aucune route ne sera fermée cet hiver.", "direct", "Michel Fabre")],
        True,
    ),
    Case(
        "cue_before_colon_period_outside",
        "Devant les militants réunis à Marseille, le secrétaire national du parti, Yanis "
        "Haddad, a lancé : « La gauche doit cesser de se diviser ».",
        [Q("La gauche doit cesser de se diviser", "direct", "Yanis Haddad")],
        True,
    ),
    Case(
        "cue_before_que_partial",
        "Le porte-parole du gouvernement, Romain Vasseur, a affirmé que «\u00a0le texte sera "
        "adopté avant la fin de la session\u00a0».",
        [Q("le texte sera adopté avant la fin de la session", "partial", "Romain Vasseur")],
        True,
    ),
    Case(
        "cue_before_selon_direct",
        "Selon Nathalie Brunet, directrice de l'observatoire régional de l'emploi, « le "
        "secteur du bâtiment n'a jamais autant peiné à recruter ».",
        [Q("le secteur du bâtiment n'a jamais autant peiné à recruter", "direct",
           "Nathalie Brunet")],
        True,
    ),
    Case(
        "cue_before_pour_direct",
        "Pour l'économiste Jérôme Tessier, «\u00a0la hausse des taux va peser durablement "
        "sur l'investissement des ménages\u00a0».",
        [Q("la hausse des taux va peser durablement sur l'investissement des ménages",
           "direct", "Jérôme Tessier")],
        True,
    ),
    Case(
        "cue_before_name_colon_headline",
        "Anne Vignon\u00a0: «\u00a0Je ne serai pas candidate à ma succession\u00a0»\n\n"
        "La maire de Besançon a mis fin lundi à des mois de suspense lors d'une conférence "
        "de presse à l'hôtel de ville.",
        [Q("Je ne serai pas candidate à ma succession", "direct", "Anne Vignon")],
        True,
    ),
    Case(
        "cue_before_name_colon_sport",
        "Tennis. Lucas Ferrand : « J'ai joué mon meilleur match de l'année »\n\n"
        "Le Français s'est qualifié mardi pour les quarts de finale du tournoi de Metz.",
        [Q("J'ai joué mon meilleur match de l'année", "direct", "Lucas Ferrand")],
        True,
    ),
    Case(
        "cue_before_colon_multi_sentence",
        "L'avocate de la famille, Me Caroline Duval, a réagi à la sortie de "
        "l'audience\u00a0: «\u00a0C'est un soulagement. Ma cliente attendait ce jugement "
        "depuis sept ans. Justice a enfin été rendue.\u00a0»",
        [Q("C'est un soulagement. Ma cliente attendait ce jugement depuis sept ans. Justice "
           "a enfin été rendue.", "direct", "Caroline Duval")],
        True,
    ),
    Case(
        "cue_before_resume_colon",
        "La directrice de la mission locale de Vierzon, Aurélie Garrigues, résume\u202f: "
        "«\u202fSans permis de conduire, pas d'emploi.\u202f»",
        [Q("Sans permis de conduire, pas d'emploi.", "direct", "Aurélie Garrigues")],
        True,
    ),

    # ------------------------------------------------------------------
    # 5. Several sentences in one pair; quotes over two paragraphs
    # ------------------------------------------------------------------
    Case(
        "multi_sentence_one_pair_incise_after",
        "« Le site de Cholet ne fermera pas. Nous investirons 12 millions d'euros dans de "
        "nouvelles lignes. Les 350 emplois sont garantis », a promis le PDG du groupe Bertin "
        "Textile, Laurent Chevalier.",
        [Q("Le site de Cholet ne fermera pas. Nous investirons 12 millions d'euros dans de "
           "nouvelles lignes. Les 350 emplois sont garantis", "direct", "Laurent Chevalier")],
        True,
    ),
    Case(
        # Two-paragraph quote: expected text is the FIRST paragraph's words only; the test
        # checks that the extracted quote starts with them.
        "multi_paragraph_cue_before",
        "Le procureur de la République de Nîmes, Frédéric Aubry, a détaillé mardi les "
        "circonstances du drame\u00a0: «\u00a0Le conducteur roulait à plus de 150 km/h sur "
        "une route limitée à 80. Il n'avait pas de permis.\n\n"
        "«\u00a0Les analyses ont révélé un taux d'alcoolémie de 1,8 gramme par litre de "
        "sang.\u00a0»",
        [Q("Le conducteur roulait à plus de 150 km/h sur une route limitée à 80. Il n'avait "
           "pas de permis.", "direct", "Frédéric Aubry")],
    ),
    Case(
        # Two-paragraph quote: expected text is the FIRST paragraph's words only; the test
        # checks that the extracted quote starts with them.
        "multi_paragraph_incise_at_end",
        "« Nous avons tout donné ce soir. Les joueurs n'ont rien à se reprocher.\n\n"
        "« Maintenant il faut vite récupérer, car nous rejouons dès mercredi », a conclu "
        "l'entraîneur du Havre, Stéphane Morvan.",
        [Q("Nous avons tout donné ce soir. Les joueurs n'ont rien à se reprocher.", "direct",
           "Stéphane Morvan")],
    ),

    # ------------------------------------------------------------------
    # 6. Partial quotes
    # ------------------------------------------------------------------
    Case(
        "partial_single_adjective",
        "Le ministre de l'Agriculture, Franck Delmas, a dénoncé mercredi un projet "
        "«\u00a0irresponsable\u00a0».",
        [Q("irresponsable", "partial", "Franck Delmas")],
        True,
    ),
    Case(
        "partial_juge_adjectives",
        "Martine Crozet, secrétaire départementale de Force ouvrière dans la Loire, juge la "
        "réforme « injuste et brutale ».",
        [Q("injuste et brutale", "partial", "Martine Crozet")],
        True,
    ),
    Case(
        "partial_with_incise_after",
        "Les Alliés sont « préoccupés » par l'escalade en mer Noire, a expliqué le "
        "porte-parole de l'Alliance, Erik Lindqvist.",
        [Q("préoccupés", "partial", "Erik Lindqvist")],
        True,
    ),
    Case(
        "partial_two_fragments_same_speaker",
        "Le sénateur Henri Lacombe a qualifié le projet de loi de «\u00a0bricolage\u00a0» et "
        "de «\u00a0renoncement historique\u00a0».",
        [Q("bricolage", "partial", "Henri Lacombe"),
         Q("renoncement historique", "partial", "Henri Lacombe")],
        True,
    ),
    Case(
        "partial_noun_phrase_mid_sentence",
        "La directrice du festival, Élodie Sanchez, promet une édition «\u202fplus sobre mais "
        "plus audacieuse\u202f» malgré la baisse des subventions.",
        [Q("plus sobre mais plus audacieuse", "partial", "Élodie Sanchez")],
        True,
    ),
    Case(
        "partial_then_direct_pronoun",
        "Le maire de Saint-Malo, Gilles Kerbrat, a jugé « inacceptable » la fermeture du "
        "bureau de poste. « On abandonne les quartiers populaires », a-t-il ajouté.",
        [Q("inacceptable", "partial", "Gilles Kerbrat"),
         Q("On abandonne les quartiers populaires", "direct", "Gilles Kerbrat")],
        True,
    ),
    Case(
        "partial_verb_fragment",
        "Le président des Jeunes Agriculteurs de la Manche, Mathieu Lecoq, dénonce des "
        "normes «\u00a0absurdes\u00a0» qui «\u00a0étranglent\u00a0» les exploitations.",
        [Q("absurdes", "partial", "Mathieu Lecoq"),
         Q("étranglent", "partial", "Mathieu Lecoq")],
        True,
    ),
    Case(
        "partial_straight_quotes_organization",
        "Sud-Rail dénonce une direction \"méprisante\" et appelle à la grève à partir du "
        "12 décembre.",
        [Q("méprisante", "partial", "Sud-Rail")],
        True,
    ),

    # ------------------------------------------------------------------
    # 7. Pronoun speakers
    # ------------------------------------------------------------------
    Case(
        "pronoun_il_next_sentence",
        "Le maire de Saint-Herblain, Olivier Garnier, a présenté mardi son budget pour 2025. "
        "« Nous n'augmenterons pas les impôts locaux », a-t-il assuré.",
        [Q("Nous n'augmenterons pas les impôts locaux", "direct", "Olivier Garnier")],
        True,
    ),
    Case(
        "pronoun_elle_two_sentences_after",
        "La navigatrice Julie Mercier a franchi dimanche la ligne d'arrivée aux "
        "Sables-d'Olonne après 84 jours de mer. Son bateau avait été endommagé dans le golfe "
        "de Gascogne dès la première semaine. «\u00a0J'ai cru que je ne verrais jamais "
        "l'arrivée\u00a0», a-t-elle confié.",
        [Q("J'ai cru que je ne verrais jamais l'arrivée", "direct", "Julie Mercier")],
        True,
    ),
    Case(
        "pronoun_gender_elle_picks_woman",
        "Le président du club, Didier Leroy, et la capitaine, Émilie Fournier, ont reçu la "
        "presse lundi à Montpellier. « Nous visons le titre cette saison », a-t-elle lancé.",
        [Q("Nous visons le titre cette saison", "direct", "Émilie Fournier")],
        True,
    ),
    Case(
        "pronoun_gender_il_picks_man",
        "La juge d'instruction Marion Lefort a entendu vendredi le directeur de la clinique, "
        "Patrick Roussel. « Je n'ai jamais été informé de ces dysfonctionnements », a-t-il "
        "assuré à sa sortie.",
        [Q("Je n'ai jamais été informé de ces dysfonctionnements", "direct",
           "Patrick Roussel")],
        True,
    ),
    Case(
        "pronoun_gender_elle_first_mentioned",
        "La ministre de la Culture, Hélène Roche, a visité lundi le chantier de la cathédrale "
        "de Nantes en compagnie de l'architecte Jacques Moreau. «\u202fLe calendrier sera "
        "tenu\u202f», a-t-elle assuré.",
        [Q("Le calendrier sera tenu", "direct", "Hélène Roche")],
        True,
    ),
    Case(
        "pronoun_plural_ils_group",
        "Reçus mardi à Matignon, les syndicats sont ressortis déçus de la réunion. « Rien "
        "n'a bougé sur l'essentiel », ont-ils déploré.",
        [Q("Rien n'a bougé sur l'essentiel", "direct", "les syndicats")],
        True,
    ),
    Case(
        "pronoun_plural_elles_group",
        "À l'hôpital de Brest, les aides-soignantes ont débrayé jeudi pour la troisième fois "
        "en un mois. «\u00a0Nous sommes à bout et personne ne nous écoute\u00a0», "
        "expliquent-elles.",
        [Q("Nous sommes à bout et personne ne nous écoute", "direct", "les aides-soignantes")],
        True,
    ),
    Case(
        "pronoun_il_next_paragraph",
        "Le patron de Maréchal Industries, Christophe Baudry, a présenté jeudi aux salariés "
        "un plan de 120 suppressions de postes.\n\n"
        "« La décision a été douloureuse », a-t-il reconnu.",
        [Q("La décision a été douloureuse", "direct", "Christophe Baudry")],
        True,
    ),

    # ------------------------------------------------------------------
    # 8. Role descriptions linked to a name
    # ------------------------------------------------------------------
    Case(
        "role_anaphor_premier_ministre",
        "Le Premier ministre, Laurent Mercadier, s'est rendu jeudi à Lyon pour inaugurer un "
        "centre de formation. « L'apprentissage est la meilleure arme contre le chômage des "
        "jeunes », a déclaré le Premier ministre.",
        [Q("L'apprentissage est la meilleure arme contre le chômage des jeunes", "direct",
           "Laurent Mercadier")],
        True,
    ),
    Case(
        "role_anaphor_la_magistrate",
        "La procureure de Bobigny, Hélène Castagné, a requis cinq ans de prison contre le "
        "principal prévenu. «\u00a0Les faits sont d'une extrême gravité\u00a0», a insisté "
        "la magistrate.",
        [Q("Les faits sont d'une extrême gravité", "direct", "Hélène Castagné")],
        True,
    ),
    Case(
        "role_anaphor_demonym",
        "L'attaquant lyonnais Théo Marchand a inscrit un doublé samedi contre Nice. « Je "
        "retrouve enfin des sensations », a souri le Lyonnais.",
        [Q("Je retrouve enfin des sensations", "direct", "Théo Marchand")],
        True,
    ),
    Case(
        "role_anaphor_monsieur_surname_next_paragraph",
        "Le directeur général du CHU de Rouen, Bertrand Lemoine, a présenté lundi le plan de "
        "réorganisation des urgences.\n\n"
        "« Aucun service ne fermera la nuit », a assuré M. Lemoine.",
        [Q("Aucun service ne fermera la nuit", "direct", "Bertrand Lemoine")],
        True,
    ),
    Case(
        "role_anaphor_madame_surname",
        "La présidente de l'université de Poitiers, Sylvie Perrin, a fait le point sur la "
        "rentrée. «\u00a0Nous accueillerons 2\u00a0000 étudiants de plus que l'an "
        "dernier\u00a0», a précisé Mme Perrin.",
        [Q("Nous accueillerons 2\u00a0000 étudiants de plus que l'an dernier", "direct",
           "Sylvie Perrin")],
        True,
    ),
    Case(
        "surname_only_speaker",
        "« Je ne céderai pas au chantage », a répété M. Dubois, maire de la commune depuis "
        "2014.",
        [Q("Je ne céderai pas au chantage", "direct", "Dubois")],
        True,
    ),

    # ------------------------------------------------------------------
    # 9. Anonymous sources
    # ------------------------------------------------------------------
    Case(
        "anon_source_proche_du_dossier",
        "« L'enquête devrait être close d'ici à la fin de l'année », a indiqué à l'AFP une "
        "source proche du dossier.",
        [Q("L'enquête devrait être close d'ici à la fin de l'année", "direct",
           "une source proche du dossier")],
        True,
    ),
    Case(
        "anon_haut_responsable_indirect",
        "Washington envisage de nouvelles sanctions contre Téhéran, a affirmé mercredi un "
        "haut responsable américain sous couvert d'anonymat.",
        [Q("Washington envisage de nouvelles sanctions contre Téhéran", "indirect",
           "un haut responsable américain")],
    ),
    Case(
        "anon_sources_diplomatiques_selon",
        "Selon des sources diplomatiques, une réunion d'urgence du Conseil de sécurité "
        "pourrait se tenir dès vendredi.",
        [Q("une réunion d'urgence du Conseil de sécurité pourrait se tenir dès vendredi",
           "indirect", "des sources diplomatiques")],
    ),
    Case(
        "anon_proche_du_ministre",
        "Le ministre de l'Économie, Arnaud Lefranc, est resté silencieux toute la journée. "
        "«\u00a0Il n'a jamais envisagé de démissionner\u00a0», confie un proche du ministre.",
        [Q("Il n'a jamais envisagé de démissionner", "direct", "un proche du ministre")],
        True,
    ),
    Case(
        "anon_partial_selon",
        "Les discussions entre la direction et les pilotes sont « dans une impasse », selon "
        "une source gouvernementale.",
        [Q("dans une impasse", "partial", "une source gouvernementale")],
        True,
    ),
    Case(
        "anon_un_enqueteur",
        "«\u202fLe suspect connaissait parfaitement les lieux\u202f», souffle un enquêteur.",
        [Q("Le suspect connaissait parfaitement les lieux", "direct", "un enquêteur")],
        True,
    ),
    Case(
        "anon_group_riverains",
        "« On ne dort plus depuis des semaines », témoignent des riverains du chantier, excédés "
        "par le bruit des marteaux-piqueurs.",
        [Q("On ne dort plus depuis des semaines", "direct", "des riverains du chantier")],
        True,
    ),

    # ------------------------------------------------------------------
    # 10. Organizations as speakers
    # ------------------------------------------------------------------
    Case(
        "org_prefecture_communique",
        "« La baignade est interdite jusqu'à nouvel ordre sur l'ensemble des plages de la "
        "commune », a indiqué la préfecture du Nord dans un communiqué.",
        [Q("La baignade est interdite jusqu'à nouvel ordre sur l'ensemble des plages de la "
           "commune", "direct", "préfecture du Nord")],
        True,
    ),
    Case(
        "org_ministere_affirme_que",
        "Le ministère de l'Intérieur a affirmé que les effectifs de police seraient renforcés "
        "dans les transports franciliens.",
        [Q("les effectifs de police seraient renforcés dans les transports franciliens",
           "indirect", "ministère de l'Intérieur")],
    ),
    Case(
        "org_elysee_fait_savoir",
        "L'Élysée a fait savoir que le chef de l'État ne se rendrait pas au sommet de Bakou.",
        [Q("le chef de l'État ne se rendrait pas au sommet de Bakou", "indirect", "Élysée")],
    ),
    Case(
        "org_company_without_article",
        "«\u00a0Aucun site ne sera fermé en France\u00a0», a assuré Sofralux dans un "
        "communiqué publié mardi.",
        [Q("Aucun site ne sera fermé en France", "direct", "Sofralux")],
        True,
    ),
    Case(
        "org_sncf_prevenu_que",
        "La SNCF a prévenu que le trafic resterait très perturbé jusqu'à dimanche sur l'axe "
        "Paris-Lyon.",
        [Q("le trafic resterait très perturbé jusqu'à dimanche sur l'axe Paris-Lyon",
           "indirect", "SNCF")],
    ),
    Case(
        "org_club_reacts",
        "« Le club condamne avec la plus grande fermeté ces chants racistes », a réagi le "
        "Stade brestois dans un communiqué.",
        [Q("Le club condamne avec la plus grande fermeté ces chants racistes", "direct",
           "Stade brestois")],
        True,
    ),
    Case(
        "org_police_dapres",
        "Des heurts ont éclaté samedi soir en marge de la manifestation à Nantes. D'après la "
        "police, trois personnes ont été interpellées.",
        [Q("trois personnes ont été interpellées", "indirect", "police")],
    ),
    Case(
        "org_court_estime_que",
        "Le tribunal administratif de Lille a estimé que l'arrêté municipal portait une "
        "atteinte disproportionnée à la liberté de manifester.",
        [Q("l'arrêté municipal portait une atteinte disproportionnée à la liberté de "
           "manifester", "indirect", "tribunal administratif de Lille")],
    ),
    Case(
        "org_insee_selon",
        "Selon l'Insee, le chômage a reculé de 0,2 point au troisième trimestre.",
        [Q("le chômage a reculé de 0,2 point au troisième trimestre", "indirect", "Insee")],
    ),
    Case(
        "org_pour_common_noun_indirect",
        "Pour le syndicat des médecins libéraux, la réforme aggravera les déserts médicaux.",
        [Q("la réforme aggravera les déserts médicaux", "indirect",
           "syndicat des médecins libéraux")],
    ),

    # ------------------------------------------------------------------
    # 11. Indirect speech
    # ------------------------------------------------------------------
    Case(
        "indirect_affirme_que",
        "Le ministre des Relations avec le Parlement, Julien Morel, a affirmé que la réforme "
        "serait votée avant l'été.",
        [Q("la réforme serait votée avant l'été", "indirect", "Julien Morel")],
    ),
    Case(
        "indirect_dapres_person_apposition",
        "D'après le maire, Paul Vernier, la piscine municipale rouvrira en septembre.",
        [Q("la piscine municipale rouvrira en septembre", "indirect", "Paul Vernier")],
    ),
    Case(
        "indirect_inverted_incise",
        "La croissance ralentira nettement l'an prochain, a prévenu l'économiste en chef de "
        "la banque Crédit de l'Ouest, Hugo Lemaire.",
        [Q("La croissance ralentira nettement l'an prochain", "indirect", "Hugo Lemaire")],
    ),
    Case(
        "indirect_annonce_qu_elision",
        "La maire de Roubaix, Samia Kaddour, a annoncé qu'elle briguerait un second mandat.",
        [Q("elle briguerait un second mandat", "indirect", "Samia Kaddour")],
    ),
    Case(
        "indirect_estime_que_after_participle",
        "Interrogé sur France Inter, le député Benoît Carrel a estimé que le gouvernement "
        "n'avait plus de majorité.",
        [Q("le gouvernement n'avait plus de majorité", "indirect", "Benoît Carrel")],
    ),
    Case(
        "indirect_pronoun_subject",
        "La directrice de l'école, Nadine Rolland, a reçu les parents d'élèves mardi soir. "
        "Elle a expliqué que la classe de CM2 serait dédoublée à la rentrée.",
        [Q("la classe de CM2 serait dédoublée à la rentrée", "indirect", "Nadine Rolland")],
    ),
    Case(
        "indirect_selon_elle",
        "La cheffe de l'opposition municipale, Camille Besson, a voté contre le budget. "
        "Selon elle, la dette de la ville a doublé en six ans.",
        [Q("la dette de la ville a doublé en six ans", "indirect", "Camille Besson")],
    ),
    Case(
        "indirect_inverted_sport",
        "Le Tour de France passera par la Bretagne en 2027, a annoncé mardi le directeur de "
        "l'épreuve, Jean-Marc Lagarde.",
        [Q("Le Tour de France passera par la Bretagne en 2027", "indirect",
           "Jean-Marc Lagarde")],
    ),

    # ------------------------------------------------------------------
    # 12. Multiword cues
    # ------------------------------------------------------------------
    Case(
        "multiword_faire_valoir",
        "Le maire de Plougastel, Yves Le Meur, a fait valoir que la commune n'avait pas les "
        "moyens de financer seule la rénovation de l'église.",
        [Q("la commune n'avait pas les moyens de financer seule la rénovation de l'église",
           "indirect", "Yves Le Meur")],
    ),
    Case(
        "multiword_faire_savoir_direct",
        "« Je ne participerai pas à cette mascarade », a fait savoir l'ancien ministre "
        "Gérard Pellerin dans un message transmis à l'AFP.",
        [Q("Je ne participerai pas à cette mascarade", "direct", "Gérard Pellerin")],
        True,
    ),
    Case(
        "multiword_a_tenu_a_rappeler",
        "Le procureur de la République de Brest, Antoine Le Floch, a tenu à rappeler que le "
        "suspect restait présumé innocent.",
        [Q("le suspect restait présumé innocent", "indirect", "Antoine Le Floch")],
    ),
    Case(
        "multiword_a_insiste_sur_le_fait_que",
        "La sélectionneuse de l'équipe de France de handball, Nathalie Gosselin, a insisté "
        "sur le fait que rien n'était encore joué.",
        [Q("rien n'était encore joué", "indirect", "Nathalie Gosselin")],
    ),
    Case(
        "multiword_a_tenu_a_souligner_direct_rank",
        "«\u00a0Les secours sont intervenus en moins de dix minutes\u00a0», a tenu à "
        "souligner le directeur départemental des pompiers, le colonel Yann Guivarc'h.",
        [Q("Les secours sont intervenus en moins de dix minutes", "direct",
           "Yann Guivarc'h")],
        True,
    ),
    Case(
        "multiword_a_fait_remarquer",
        "« Le budget de la culture baisse pour la troisième année consécutive », a fait "
        "remarquer la sénatrice Marie-Hélène Duclos.",
        [Q("Le budget de la culture baisse pour la troisième année consécutive", "direct",
           "Marie-Hélène Duclos")],
        True,
    ),

    # ------------------------------------------------------------------
    # 13. Written cues
    # ------------------------------------------------------------------
    Case(
        "written_a_ecrit_sur_x",
        "« Je ne me représenterai pas en 2026 », a écrit dimanche sur X la députée Camille "
        "Berthier.",
        [Q("Je ne me représenterai pas en 2026", "direct", "Camille Berthier")],
        True,
    ),
    Case(
        "written_a_tweete",
        "«\u00a0Bravo aux Bleus pour cette qualification historique\u00a0!\u00a0», a tweeté "
        "la ministre des Sports, Sabine Riou.",
        [Q("Bravo aux Bleus pour cette qualification historique\u00a0!", "direct",
           "Sabine Riou")],
        True,
    ),
    Case(
        "written_dans_un_communique_indirect",
        "Dans un communiqué, le député Lucien Maury a annoncé qu'il quittait le groupe "
        "majoritaire.",
        [Q("il quittait le groupe majoritaire", "indirect", "Lucien Maury")],
    ),
    Case(
        "written_lettre_ouverte_group",
        "« Nous refusons d'être les sacrifiés de la transition énergétique », écrivent les "
        "pêcheurs du Guilvinec dans une lettre ouverte au président de la République.",
        [Q("Nous refusons d'être les sacrifiés de la transition énergétique", "direct",
           "les pêcheurs du Guilvinec")],
        True,
    ),
    Case(
        "written_publie_sur_instagram",
        "«\u202fMerci pour tout, je tourne la page\u202f», a publié sur Instagram la "
        "championne olympique de judo Sarah Diallo.",
        [Q("Merci pour tout, je tourne la page", "direct", "Sarah Diallo")],
        True,
    ),

    # ------------------------------------------------------------------
    # 14. Dialogue dashes
    # ------------------------------------------------------------------
    Case(
        "dash_em_incise",
        "À la veille de la finale de la Coupe de France, l'ambiance était détendue à "
        "l'entraînement.\n\n"
        "— Nous allons gagner, lance l'entraîneur Marc Petit.",
        [Q("Nous allons gagner", "direct", "Marc Petit")],
    ),
    Case(
        "dash_en_court_exchange",
        "L'interrogatoire a été bref.\n\n"
        "– Reconnaissez-vous les faits\u00a0? a demandé la présidente du tribunal, Claire "
        "Vidal.\n\n"
        "– Non, a répondu le prévenu, Kevin Lemaître.",
        [Q("Reconnaissez-vous les faits\u00a0?", "direct", "Claire Vidal"),
         Q("Non", "direct", "Kevin Lemaître")],
    ),
    Case(
        "dash_speech_resumes_after_incise",
        "— Le club est en bonne santé, assure le président de l'AJ Auxerre, Bernard Roux. "
        "Les comptes sont à l'équilibre pour la deuxième saison consécutive.",
        [Q("Le club est en bonne santé […] Les comptes sont à l'équilibre pour la deuxième "
           "saison consécutive.", "direct", "Bernard Roux")],
    ),

    # ------------------------------------------------------------------
    # 15. Negatives (ids start with neg_)
    # ------------------------------------------------------------------
    Case(
        "neg_title_of_book",
        "Le comédien Arnaud Delorme a relu « Les Misérables » tout l'été avant de monter sur "
        "la scène du festival d'Avignon.",
        [],
    ),
    Case(
        "neg_title_of_film",
        "Le film «\u00a0La Haine\u00a0» ressort en salles mercredi dans une version "
        "restaurée en 4K.",
        [],
    ),
    Case(
        "neg_newspaper_name",
        "Fondé en 1944, le journal « Le Monde » a emménagé en 2020 dans un nouveau siège près "
        "de la gare d'Austerlitz, à Paris.",
        [],
    ),
    Case(
        "neg_nickname",
        "Surnommé «\u00a0le Professeur\u00a0» par ses joueurs, l'ancien entraîneur de "
        "Guingamp Jean-Luc Bodin a pris sa retraite à 68 ans.",
        [],
    ),
    Case(
        "neg_scare_quotes",
        "Le gouvernement a présenté mercredi une «\u00a0réforme\u00a0» des retraites qui "
        "n'en est pas vraiment une, puisque l'âge légal de départ reste inchangé.",
        [],
    ),
    Case(
        "neg_word_as_word",
        "Le mot « résilience » est partout dans les discours politiques depuis la pandémie.",
        [],
    ),
    Case(
        "neg_operation_name",
        "Les derniers soldats de l'opération «\u00a0Barkhane\u00a0» ont quitté le Mali en "
        "août 2022.",
        [],
    ),
    Case(
        "neg_plan_name",
        "Le plan « France 2030 » doit notamment financer la construction de petits réacteurs "
        "nucléaires.",
        [],
    ),
    Case(
        "neg_no_quotes_at_all",
        "Le conseil municipal de Quimper a adopté lundi soir le budget primitif par 29 voix "
        "contre 10.",
        [],
        True,
    ),
    Case(
        "neg_number_in_quotes",
        "Le bâtiment, classé «\u202f4\u202f» sur l'échelle de vulnérabilité sismique, sera "
        "démoli au printemps.",
        [],
    ),
    Case(
        "neg_ship_name",
        "Le voilier « Belle-Île » a chaviré samedi au large de Quiberon. Ses trois occupants "
        "ont été hélitreuillés sains et saufs.",
        [],
    ),
    Case(
        "neg_law_name",
        "La loi dite «\u00a0Climat et résilience\u00a0» impose aux communes de réduire de "
        "moitié l'artificialisation des sols d'ici à 2031.",
        [],
    ),
    Case(
        "neg_movement_name",
        "Le mouvement des « gilets jaunes » est né en novembre 2018 d'une colère contre la "
        "hausse des taxes sur le carburant.",
        [],
    ),
    Case(
        "neg_song_title",
        "Le chanteur Paul Sarrazin a repris «\u00a0La Bohème\u00a0» en ouverture de son "
        "concert à l'Olympia.",
        [],
    ),
    Case(
        "neg_match_name",
        "Le «\u00a0Classique\u00a0» entre le PSG et l'OM se jouera dimanche à 20\u00a0h\u00a045 "
        "au Vélodrome.",
        [],
    ),
    Case(
        "neg_company_name_in_quotes",
        "La start-up nantaise « Ferme Verte » a levé 3 millions d'euros auprès d'un fonds "
        "régional.",
        [],
    ),
    Case(
        "neg_film_title_beside_partial_quote",
        "Le ministre de la Culture, Alain Brossard, a salué «\u00a0un chef-d'œuvre\u00a0» en "
        "évoquant le film «\u00a0La Haine\u00a0», ressorti cette semaine.",
        [Q("un chef-d'œuvre", "partial", "Alain Brossard")],
    ),
    Case(
        "neg_exhibition_title_beside_direct_quote",
        "« C'est la plus grande rétrospective jamais consacrée au peintre », a expliqué la "
        "commissaire Inès Laurent, à propos de l'exposition « Lumières du Nord ».",
        [Q("C'est la plus grande rétrospective jamais consacrée au peintre", "direct",
           "Inès Laurent")],
    ),

    # ------------------------------------------------------------------
    # 16. Quote inside a quote: only the outer quote, inner marks kept
    # ------------------------------------------------------------------
    Case(
        "nested_single_guillemets",
        "«\u00a0Mon père m'a toujours dit\u00a0: ‹\u00a0Ne lâche jamais rien\u00a0›. C'est ce "
        "que j'ai fait ce soir\u00a0», a confié le boxeur Sofiane Belkacem après sa victoire.",
        [Q("Mon père m'a toujours dit\u00a0: ‹\u00a0Ne lâche jamais rien\u00a0›. C'est ce "
           "que j'ai fait ce soir", "direct", "Sofiane Belkacem")],
    ),
    Case(
        "nested_curly_in_guillemets",
        "« Le directeur m'a lancé : “Vous êtes viré” devant tous mes collègues », a raconté "
        "à la barre l'ancien cadre, Didier Montel.",
        [Q("Le directeur m'a lancé : “Vous êtes viré” devant tous mes collègues", "direct",
           "Didier Montel")],
    ),
    Case(
        "nested_straight_single_in_guillemets",
        "« Quand le médecin m'a dit 'c'est grave', je n'y ai pas cru », témoigne Annie "
        "Collet, 72 ans.",
        [Q("Quand le médecin m'a dit 'c'est grave', je n'y ai pas cru", "direct",
           "Annie Collet")],
    ),

    # ------------------------------------------------------------------
    # 17. Unbalanced marks (best effort: to the end of the paragraph)
    # ------------------------------------------------------------------
    Case(
        "unbalanced_unclosed_guillemet",
        "Le maire de Lorient, Fabrice Loison, a lancé devant le conseil\u00a0: «\u00a0Nous ne "
        "lâcherons rien. Le projet de port ira à son terme.\n\n"
        "Le conseil municipal se réunira de nouveau le 12 mars.",
        [Q("Nous ne lâcherons rien. Le projet de port ira à son terme.", "direct",
           "Fabrice Loison")],
    ),
    Case(
        "unbalanced_odd_straight_quotes",
        "L'entraîneur de Metz, Pascal Dupuis, a salué un groupe \"soudé\". Il a ajouté : "
        "\"On ne change pas une équipe qui gagne, les mêmes joueurs seront alignés samedi.\n\n"
        "Le match face à Reims débutera à 17 heures.",
        [Q("soudé", "partial", "Pascal Dupuis"),
         Q("On ne change pas une équipe qui gagne, les mêmes joueurs seront alignés samedi.",
           "direct", "Pascal Dupuis")],
    ),

    # ------------------------------------------------------------------
    # 18. Several speakers; floating quotes
    # ------------------------------------------------------------------
    Case(
        "two_speakers_same_paragraph",
        "« Le dossier est vide », a plaidé Me Antoine Chauvin, l'avocat du prévenu. « Les "
        "preuves sont accablantes », a rétorqué la procureure, Sophie Delacroix.",
        [Q("Le dossier est vide", "direct", "Antoine Chauvin"),
         Q("Les preuves sont accablantes", "direct", "Sophie Delacroix")],
        True,
    ),
    Case(
        "two_speakers_pronoun_and_feminine_noun",
        "Le maire, Jacques Pelletier, et son adjointe, Laure Simonin, ont défendu le projet "
        "devant les habitants. «\u00a0Ce parking est indispensable\u00a0», a-t-il affirmé. "
        "«\u00a0Et il sera entièrement végétalisé\u00a0», a complété l'élue.",
        [Q("Ce parking est indispensable", "direct", "Jacques Pelletier"),
         Q("Et il sera entièrement végétalisé", "direct", "Laure Simonin")],
        True,
    ),
    Case(
        "floating_quote_continues_previous_speaker",
        "« Nous allons déposer plainte dès demain », a annoncé Me Julie Perrot, avocate de la "
        "famille.\n\n"
        "« Cette mort aurait pu être évitée si les secours avaient été prévenus à temps. »",
        [Q("Nous allons déposer plainte dès demain", "direct", "Julie Perrot"),
         Q("Cette mort aurait pu être évitée si les secours avaient été prévenus à temps.",
           "direct", "Julie Perrot")],
        True,
    ),
    Case(
        "floating_quote_after_indirect",
        "Le maire de Millau, Denis Couderc, a affirmé que le viaduc resterait ouvert malgré "
        "les rafales.\n\n"
        "«\u00a0Il n'y a aucun danger pour les usagers.\u00a0»",
        [Q("le viaduc resterait ouvert malgré les rafales", "indirect", "Denis Couderc"),
         Q("Il n'y a aucun danger pour les usagers.", "direct", "Denis Couderc")],
    ),
    Case(
        "floating_quote_no_speaker",
        "«\u00a0On n'avait jamais vu l'eau monter aussi vite.\u00a0»\n\n"
        "La crue de la Garonne a atteint mardi un niveau record à Toulouse, où plusieurs "
        "quartiers ont été évacués dans la nuit.",
        [Q("On n'avait jamais vu l'eau monter aussi vite.", "direct", None)],
        True,
    ),
    Case(
        "mixed_direct_and_indirect_two_speakers",
        "Le président de l'agglomération, Régis Bonnet, a assuré que les travaux seraient "
        "terminés en juin. « Personne n'y croit », a répliqué l'opposante Marie Quentin.",
        [Q("les travaux seraient terminés en juin", "indirect", "Régis Bonnet"),
         Q("Personne n'y croit", "direct", "Marie Quentin")],
    ),
]
