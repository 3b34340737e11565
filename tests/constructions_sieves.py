"""A second, independent table of French attribution constructions (tests/test_sieves.py).

Same records and conventions as tests/constructions.py (read its header): each case is a
short text and the quotes a journalist expects, in text order, as (text, kind, speaker).
All people, places and facts are invented.

One addition to those conventions:
- Quoted words inside an indirect que-clause (X a estimé que la réforme était « injuste »)
  give TWO records: the indirect content, marks kept as written ("la réforme était
  « injuste »"), then the quoted words as "partial" ("injuste"); in text order, so the
  indirect record, which starts first, comes first. A statement whose quoted words carry
  their own incise or ", selon X" frame (Les ventes sont « en chute libre », selon X.)
  is NOT an extra indirect record: only the partial is listed.
Multi-word names of newspapers and organizations stay whole; as in constructions.py, an
organization's leading definite article is dropped (Le Journal du dimanche -> "Journal du
dimanche", La Voix du Nord -> "Voix du Nord").
"""
from constructions import Case, Q

NB = "\u00a0"   # no-break space
NNB = "\u202f"  # narrow no-break space

CASES = [
    # ------------------------------------------------------------------
    # 1. Quotation marks as real pages use them
    # ------------------------------------------------------------------
    Case(
        "marks_straight_space_inside_both",
        "Le maire de Dole, Gérard Vautrin, a tranché mardi soir : \" Le pont de la Charité "
        "rouvrira lundi à la circulation. \"",
        [Q("Le pont de la Charité rouvrira lundi à la circulation.", "direct", "Gérard Vautrin")],
        True,
    ),
    Case(
        "marks_straight_space_after_opening",
        "\" Nous avons enfin été entendus\", se réjouit Myriam Choukri, présidente de "
        "l'association des parents d'élèves du collège Jean-Moulin.",
        [Q("Nous avons enfin été entendus", "direct", "Myriam Choukri")],
        True,
    ),
    Case(
        "marks_straight_space_before_closing_partial",
        "La présidente du tribunal, Odile Mercadal, a jugé la défense \"indigente \" avant de "
        "suspendre l'audience.",
        [Q("indigente", "partial", "Odile Mercadal")],
        True,
    ),
    Case(
        "marks_reversed_guillemets",
        "» Les loyers ont doublé en cinq ans dans le quartier «, dénonce Karim Belhadj, "
        "président de l'association des locataires de Villeurbanne.",
        [Q("Les loyers ont doublé en cinq ans dans le quartier", "direct", "Karim Belhadj")],
        True,
    ),
    Case(
        "marks_mixed_guillemet_curly",
        "« La ligne Clermont-Aurillac rouvrira en septembre ”, a promis la directrice "
        "régionale de la SNCF, Odile Verger.",
        [Q("La ligne Clermont-Aurillac rouvrira en septembre", "direct", "Odile Verger")],
        True,
    ),
    Case(
        "marks_quote_inside_parentheses",
        "Le sénateur Paul Granier a quitté l'hémicycle avant le vote (« Je refuse de "
        "cautionner cette mascarade », a-t-il lancé aux journalistes), sous les huées de la "
        "majorité.",
        [Q("Je refuse de cautionner cette mascarade", "direct", "Paul Granier")],
    ),
    Case(
        # French convention: every paragraph reopens with «, only the last one closes.
        # Expected: the first paragraph's words (the test checks the quote starts with them).
        "multi_paragraph_testimony_reopening",
        "Rescapé de l'incendie de la rue des Tanneurs, Mehdi Aouadi, 52 ans, se souvient de "
        "chaque minute : « J'ai senti la fumée vers 3 heures. J'ai réveillé mes filles.\n\n"
        "« Dans l'escalier, on ne voyait plus rien. On a descendu les quatre étages à "
        "tâtons.\n\n"
        "« Quand les pompiers sont arrivés, le toit était déjà en feu. »",
        [Q("J'ai senti la fumée vers 3 heures. J'ai réveillé mes filles.", "direct",
           "Mehdi Aouadi")],
    ),
    Case(
        # No reopening mark: the first paragraph is left open, the second one closes.
        "multi_paragraph_testimony_no_reopening",
        "L'infirmière Sandrine Moreau, 41 ans, a accepté de témoigner : « La nuit, nous sommes "
        "deux pour trente-cinq patients. On court sans arrêt.\n\n"
        "Parfois je rentre chez moi en pleurant. Je ne sais pas combien de temps je "
        "tiendrai. »",
        [Q("La nuit, nous sommes deux pour trente-cinq patients. On court sans arrêt.",
           "direct", "Sandrine Moreau")],
    ),
    Case(
        "incise_inside_marks_sentence_break",
        "« Le dispositif sera généralisé à la rentrée, explique la ministre de l'Éducation, "
        "Claire Fontanet. Toutes les académies seront concernées. »",
        [Q("Le dispositif sera généralisé à la rentrée […] Toutes les académies seront "
           "concernées.", "direct", "Claire Fontanet")],
    ),
    Case(
        "incise_inside_marks_pronoun_sentence_break",
        "Le trésorier du club, Alain Ferrec, a présenté les comptes devant l'assemblée "
        "générale. «\u00a0Nous n'avons rien à cacher, assure-t-il. Chaque dépense est "
        "justifiée.\u00a0»",
        [Q("Nous n'avons rien à cacher […] Chaque dépense est justifiée.", "direct",
           "Alain Ferrec")],
    ),
    Case(
        "social_post_without_marks_signature",
        "Le maire de Sète, François Comte, a réagi dans la nuit sur les réseaux sociaux.\n\n"
        "La mer a tout emporté sur la promenade. Merci aux pompiers et aux bénévoles "
        "mobilisés depuis l'aube.\n\n"
        "François Comte (@FComteSete) 3 mars 2026\n\n"
        "La tempête a frappé la côte héraultaise vers 2 heures du matin.",
        [Q("La mer a tout emporté sur la promenade. Merci aux pompiers et aux bénévoles "
           "mobilisés depuis l'aube.", "direct", "François Comte")],
    ),
    Case(
        "social_post_in_marks_dash_signature",
        "La députée des Hautes-Alpes a salué la décision sur son compte.\n\n"
        "«\u00a0Le train de nuit Paris-Briançon est sauvé. Merci à tous ceux qui se sont "
        "mobilisés\u00a0!\u00a0»\n\n"
        "— Camille Jourdan (@CJourdan05) 3 mars 2026",
        [Q("Le train de nuit Paris-Briançon est sauvé. Merci à tous ceux qui se sont "
           "mobilisés\u00a0!", "direct", "Camille Jourdan")],
    ),

    # ------------------------------------------------------------------
    # 2. Speakers not next to the cue
    # ------------------------------------------------------------------
    Case(
        "colon_clause_subject_no_reporting_verb",
        "Le maire de Cahors, Jean-Luc Astruc, n'a pas caché son inquiétude : « Si la "
        "papeterie ferme, c'est toute la vallée qui meurt. »",
        [Q("Si la papeterie ferme, c'est toute la vallée qui meurt.", "direct",
           "Jean-Luc Astruc")],
        True,
    ),
    Case(
        "colon_after_interview_frame_no_verb",
        "La ministre de l'Agriculture, Sandrine Coulon, dans un entretien au Parisien : "
        "«\u00a0Les prix planchers ne sont pas une option.\u00a0»",
        [Q("Les prix planchers ne sont pas une option.", "direct", "Sandrine Coulon")],
        True,
    ),
    Case(
        "colon_after_copular_clause",
        "Le directeur du centre hospitalier de Millau, Serge Pujol, a été clair devant le "
        "conseil de surveillance : «\u00a0La maternité ne fermera pas cet été.\u00a0»",
        [Q("La maternité ne fermera pas cet été.", "direct", "Serge Pujol")],
        True,
    ),
    Case(
        "next_sentence_cest_ce_quexplique",
        "« Nous avons dû fermer deux classes faute d'enseignants. » C'est ce qu'explique, la "
        "mine grave, la directrice de l'école Jules-Ferry, Corinne Delpech.",
        [Q("Nous avons dû fermer deux classes faute d'enseignants.", "direct",
           "Corinne Delpech")],
    ),
    Case(
        "next_sentence_raconte_t_elle",
        "Maryse Olivier a tenu le café du village pendant trente ans. « Le dimanche, on "
        "servait deux cents couverts. » Aujourd'hui, le rideau est baissé, raconte-t-elle.",
        [Q("Le dimanche, on servait deux cents couverts.", "direct", "Maryse Olivier"),
         Q("Aujourd'hui, le rideau est baissé", "indirect", "Maryse Olivier")],
    ),
    Case(
        "quote_before_first_mention",
        "La filature de Mazamet a fermé ses portes vendredi après cent douze ans "
        "d'activité.\n\n"
        "« Ici, tout le monde y a travaillé, mon père, mes oncles, moi. » Josiane Ferrand, 67 "
        "ans, a passé trente ans devant les métiers à tisser.",
        [Q("Ici, tout le monde y a travaillé, mon père, mes oncles, moi.", "direct",
           "Josiane Ferrand")],
    ),
    Case(
        "testimony_paragraph_continues_speaker",
        "« On est deux pour quarante patients la nuit », témoigne Lucie Garnier, "
        "aide-soignante à l'hôpital de Vienne.\n\n"
        "Elle a demandé sa mutation en janvier. « Je n'en peux plus. Je n'ai pas choisi ce "
        "métier pour maltraiter les gens. »",
        [Q("On est deux pour quarante patients la nuit", "direct", "Lucie Garnier"),
         Q("Je n'en peux plus. Je n'ai pas choisi ce métier pour maltraiter les gens.",
           "direct", "Lucie Garnier")],
    ),

    # ------------------------------------------------------------------
    # 3. Indirect speech
    # ------------------------------------------------------------------
    Case(
        "indirect_assure_que_present",
        "Le président du département, Alain Roussel, assure que toutes les routes seront "
        "déneigées avant lundi.",
        [Q("toutes les routes seront déneigées avant lundi", "indirect", "Alain Roussel")],
    ),
    Case(
        "indirect_deplore_que_subjunctive",
        "La présidente de la fédération des familles rurales, Monique Terrier, déplore que "
        "les bus scolaires ne desservent plus les hameaux.",
        [Q("les bus scolaires ne desservent plus les hameaux", "indirect", "Monique Terrier")],
    ),
    Case(
        "indirect_considere_que_organization",
        "La chambre régionale des comptes considère que la commune a sous-estimé le coût de "
        "sa nouvelle piscine.",
        [Q("la commune a sous-estimé le coût de sa nouvelle piscine", "indirect",
           "chambre régionale des comptes")],
    ),
    Case(
        "indirect_estime_que_with_partial",
        "Le délégué syndical CGT de l'usine, Fabien Morel, a estimé que le plan de la "
        "direction était « une provocation ».",
        [Q("le plan de la direction était « une provocation »", "indirect", "Fabien Morel"),
         Q("une provocation", "partial", "Fabien Morel")],
    ),
    Case(
        "indirect_participle_precisant_que",
        "La préfète de la Gironde, Anne Castel, a interdit la manifestation de samedi, "
        "précisant que les risques de débordement étaient trop élevés.",
        [Q("les risques de débordement étaient trop élevés", "indirect", "Anne Castel")],
    ),
    Case(
        "indirect_gerund_en_affirmant_que",
        "Le maire de Figeac, Didier Collin, a défendu la hausse des tarifs en affirmant que "
        "la cantine restait la moins chère du département.",
        [Q("la cantine restait la moins chère du département", "indirect", "Didier Collin")],
    ),
    Case(
        "indirect_participle_craignant_que",
        "Les riverains du quai Vauban ont saisi le tribunal administratif, craignant que le "
        "chantier ne fragilise les fondations de leurs maisons.",
        [Q("le chantier ne fragilise les fondations de leurs maisons", "indirect",
           "les riverains du quai Vauban")],
    ),
    Case(
        "indirect_coordinated_et_quil",
        "Le ministre du Budget, Lionel Perret, a affirmé que le texte serait voté avant Noël "
        "et qu'il n'y aurait pas de recours au 49.3.",
        [Q("le texte serait voté avant Noël", "indirect", "Lionel Perret"),
         Q("il n'y aurait pas de recours au 49.3", "indirect", "Lionel Perret")],
    ),
    Case(
        "indirect_coordinated_mais_qu",
        "La directrice du site, Hélène Bastide, a reconnu que quarante postes seraient "
        "supprimés, mais qu'aucun licenciement sec n'était prévu.",
        [Q("quarante postes seraient supprimés", "indirect", "Hélène Bastide"),
         Q("aucun licenciement sec n'était prévu", "indirect", "Hélène Bastide")],
    ),
    Case(
        "indirect_affirme_avoir",
        "Le principal suspect, Kevin Marchal, 24 ans, affirme avoir passé toute la soirée "
        "chez sa mère à Montauban.",
        [Q("avoir passé toute la soirée chez sa mère à Montauban", "indirect",
           "Kevin Marchal")],
    ),
    Case(
        "indirect_dit_etre",
        "L'ancien trésorier du club, Thierry Bonnefoy, dit être victime d'une cabale "
        "orchestrée par la nouvelle direction.",
        [Q("être victime d'une cabale orchestrée par la nouvelle direction", "indirect",
           "Thierry Bonnefoy")],
    ),
    Case(
        "indirect_a_fait_savoir_que_person",
        "L'avocat du chanteur, Me Benoît Ravel, a fait savoir que son client ferait appel de "
        "la condamnation.",
        [Q("son client ferait appel de la condamnation", "indirect", "Benoît Ravel")],
    ),
    Case(
        "indirect_sest_dit_pret_a",
        "Le président du conseil d'administration, Marc Olivier, s'est dit prêt à renoncer à "
        "son mandat si l'audit le mettait en cause.",
        [Q("prêt à renoncer à son mandat si l'audit le mettait en cause", "indirect",
           "Marc Olivier")],
    ),
    Case(
        "indirect_a_promis_de",
        "La ministre du Logement, Nadia Ferhat, a promis de débloquer 200 millions d'euros "
        "pour la rénovation des copropriétés dégradées.",
        [Q("débloquer 200 millions d'euros pour la rénovation des copropriétés dégradées",
           "indirect", "Nadia Ferhat")],
    ),
    Case(
        "indirect_selon_start_person",
        "Selon le procureur de Dax, Julien Fabre, le conducteur roulait à plus de 140 km/h.",
        [Q("le conducteur roulait à plus de 140 km/h", "indirect", "Julien Fabre")],
    ),
    Case(
        "indirect_selon_middle_after_adverbial",
        "En Bretagne, selon la chambre régionale d'agriculture, un éleveur laitier sur deux "
        "partira à la retraite d'ici à 2030.",
        [Q("un éleveur laitier sur deux partira à la retraite d'ici à 2030", "indirect",
           "chambre régionale d'agriculture")],
    ),
    Case(
        "indirect_dapres_end_organization",
        "Le nombre de nuitées a progressé de 8 % cet été dans les Landes, d'après le comité "
        "départemental du tourisme.",
        [Q("Le nombre de nuitées a progressé de 8 % cet été dans les Landes", "indirect",
           "comité départemental du tourisme")],
    ),
    Case(
        "indirect_selon_end_person",
        "La décision de la cour d'appel sera rendue avant l'été, selon l'avocate de la "
        "famille, Me Laure Bessière.",
        [Q("La décision de la cour d'appel sera rendue avant l'été", "indirect",
           "Laure Bessière")],
    ),
    Case(
        "indirect_pour_opinion_start",
        "Pour la présidente de la fédération des producteurs de lait, Nadège Villard, la "
        "filière ne survivra pas sans aides publiques.",
        [Q("la filière ne survivra pas sans aides publiques", "indirect", "Nadège Villard")],
    ),
    Case(
        "neg_pour_purpose_not_opinion",
        "Pour la rentrée, la ville de Tours a recruté douze animateurs périscolaires "
        "supplémentaires.",
        [],
    ),

    # ------------------------------------------------------------------
    # 4. Short fragments
    # ------------------------------------------------------------------
    Case(
        "fragment_sest_dit_serein",
        "Convoqué mardi par les juges d'instruction, l'ancien ministre Paul Ferrier s'est dit "
        "« serein ».",
        [Q("serein", "partial", "Paul Ferrier")],
        True,
    ),
    Case(
        "fragment_sest_dite_soulagee_feminine",
        "La navigatrice Léa Kervella s'est dite «\u00a0soulagée\u00a0» en franchissant la "
        "ligne d'arrivée à Pointe-à-Pitre.",
        [Q("soulagée", "partial", "Léa Kervella")],
        True,
    ),
    Case(
        "incise_without_comma",
        "« Nous ne reculerons pas » a lancé la ministre du Travail, Élise Carré, devant les "
        "députés.",
        [Q("Nous ne reculerons pas", "direct", "Élise Carré")],
        True,
    ),
    Case(
        "incise_without_comma_present",
        "«\u202fIl était temps\u202f» soupire Jeanine Roux, 78 ans, qui attendait l'ascenseur "
        "depuis quatre ans.",
        [Q("Il était temps", "direct", "Jeanine Roux")],
        True,
    ),
    Case(
        "closing_mark_alone_after_sentence_end",
        "La présidente de l'université, Karine Leduc, a prévenu devant le conseil : "
        "« Aucune formation ne sera supprimée. Aucune.\n» Le vote aura lieu le 4 avril.",
        [Q("Aucune formation ne sera supprimée. Aucune.", "direct", "Karine Leduc")],
    ),
    Case(
        "partial_frame_after_no_extra_indirect",
        "La situation est « explosive » dans les prisons du Grand Est, selon la direction "
        "interrégionale des services pénitentiaires.",
        [Q("explosive", "partial", "direction interrégionale des services pénitentiaires")],
    ),
    Case(
        "partial_incise_after_no_extra_indirect",
        "Les ventes de vélos électriques sont « en chute libre » depuis janvier, a reconnu le "
        "président de la fédération des vélocistes, Arnaud Pelletier.",
        [Q("en chute libre", "partial", "Arnaud Pelletier")],
    ),

    # ------------------------------------------------------------------
    # 5. Carry-over only while the speaker continues
    # ------------------------------------------------------------------
    Case(
        "carry_over_through_narrative",
        "« Les travaux dureront deux ans », a annoncé le président de la métropole, Henri "
        "Vidal.\n\n"
        "Le chantier doit débuter en mars, place de la République.\n\n"
        "« Nous avons prévu des navettes gratuites pour les commerçants. »",
        [Q("Les travaux dureront deux ans", "direct", "Henri Vidal"),
         Q("Nous avons prévu des navettes gratuites pour les commerçants.", "direct",
           "Henri Vidal")],
    ),
    Case(
        "carry_over_ends_at_new_named_source",
        "« Les travaux dureront deux ans », a annoncé le président de la métropole, Henri "
        "Vidal.\n\n"
        "Dans l'opposition, la conseillère Claire Martin conteste ce calendrier.\n\n"
        "« Il manque au moins deux millions d'euros dans le budget. »",
        [Q("Les travaux dureront deux ans", "direct", "Henri Vidal"),
         Q("Il manque au moins deux millions d'euros dans le budget.", "direct",
           "Claire Martin")],
    ),
    Case(
        "carry_over_ends_at_new_cue",
        "« Le stade sera prêt pour la saison prochaine », a assuré l'adjoint aux sports, "
        "Bruno Lacaze.\n\n"
        "Le président du club, Farid Nasri, a pour sa part affirmé que les travaux avaient "
        "déjà six mois de retard.\n\n"
        "« On jouera peut-être à Bordeaux jusqu'en décembre. »",
        [Q("Le stade sera prêt pour la saison prochaine", "direct", "Bruno Lacaze"),
         Q("les travaux avaient déjà six mois de retard", "indirect", "Farid Nasri"),
         Q("On jouera peut-être à Bordeaux jusqu'en décembre.", "direct", "Farid Nasri")],
    ),
    Case(
        "pronoun_il_organization_antecedent",
        "Le syndicat des pilotes de ligne a déposé un préavis de grève pour le 15 juillet. "
        "Il dénonce « le mépris » de la direction d'Air Atlantique.",
        [Q("le mépris", "partial", "syndicat des pilotes de ligne")],
    ),
    Case(
        "pronoun_elle_organization_indirect",
        "La fédération départementale des chasseurs de l'Ain a saisi le Conseil d'État. "
        "Elle estime que l'arrêté préfectoral est illégal.",
        [Q("l'arrêté préfectoral est illégal", "indirect",
           "fédération départementale des chasseurs de l'Ain")],
    ),

    # ------------------------------------------------------------------
    # 6. Names and roles
    # ------------------------------------------------------------------
    Case(
        "name_first_name_alone_later",
        "La boulangère Élodie Marchand, 29 ans, a ouvert sa boutique de Rodez en 2022. "
        "« On se lève à 3 heures du matin, six jours sur sept », raconte Élodie.",
        [Q("On se lève à 3 heures du matin, six jours sur sept", "direct", "Élodie Marchand")],
        True,
    ),
    Case(
        "name_followed_by_place",
        "« Nos éleveurs ont besoin de visibilité sur les prix », a déclaré Gabriel Rousset au "
        "salon de l'agriculture.",
        [Q("Nos éleveurs ont besoin de visibilité sur les prix", "direct", "Gabriel Rousset")],
        True,
    ),
    Case(
        "name_newspaper_speaks_selon",
        "Selon Le Journal du dimanche, le gouvernement prépare un remaniement pour la fin du "
        "mois.",
        [Q("le gouvernement prépare un remaniement pour la fin du mois", "indirect",
           "Journal du dimanche")],
    ),
    Case(
        "name_newspaper_speaks_incise",
        "Le club lillois aurait trouvé un accord avec son futur entraîneur, affirme La Voix "
        "du Nord.",
        [Q("Le club lillois aurait trouvé un accord avec son futur entraîneur", "indirect",
           "Voix du Nord")],
    ),
    Case(
        "name_newspaper_is_only_the_outlet",
        "« Je ne serai pas candidat à la présidence du parti », a déclaré l'ancien ministre "
        "Hugues Vallat au Journal du dimanche.",
        [Q("Je ne serai pas candidat à la présidence du parti", "direct", "Hugues Vallat")],
        True,
    ),
    Case(
        "role_apposition_before_no_comma",
        "Le commissaire européen à l'Agriculture Tomas Lindgren a jugé que la proposition "
        "française allait « dans le bon sens ».",
        [Q("la proposition française allait « dans le bon sens »", "indirect",
           "Tomas Lindgren"),
         Q("dans le bon sens", "partial", "Tomas Lindgren")],
    ),
    Case(
        "role_apposition_after_name",
        "Véronique Astier, directrice générale de l'agence régionale de santé, a reconnu que "
        "les délais d'attente aux urgences restaient trop longs.",
        [Q("les délais d'attente aux urgences restaient trop longs", "indirect",
           "Véronique Astier")],
    ),
    Case(
        "role_apposition_between_commas",
        "Le maire, Rémi Cabanel, a assuré que l'école Pasteur rouvrirait lundi.",
        [Q("l'école Pasteur rouvrirait lundi", "indirect", "Rémi Cabanel")],
    ),
    Case(
        "role_description_not_most_recent_name",
        "La ministre de la Santé, Agnès Colin, a visité lundi l'hôpital de Lens en compagnie "
        "de son directeur, Patrick Hénin. « Ce plateau technique est un modèle », a salué la "
        "ministre.",
        [Q("Ce plateau technique est un modèle", "direct", "Agnès Colin")],
        True,
    ),
    Case(
        "role_description_le_maire_not_prefet",
        "Le maire de Cluny, Pierre Auclair, a reçu jeudi le préfet de Saône-et-Loire, Julien "
        "Ferrand. « La commune ne peut pas payer seule la réfection de l'abbaye », a plaidé "
        "le maire.",
        [Q("La commune ne peut pas payer seule la réfection de l'abbaye", "direct",
           "Pierre Auclair")],
        True,
    ),

    # ------------------------------------------------------------------
    # 7. Not speech, unless the text gives a speaker
    # ------------------------------------------------------------------
    Case(
        "neg_scare_quotes_coined_label",
        "Instaurée l'an dernier, la « taxe lapin » sur les rendez-vous médicaux non honorés "
        "n'a rapporté que 3 millions d'euros.",
        [],
    ),
    Case(
        "neg_documentary_title",
        "Le documentaire «\u00a0Les Oubliés de la vallée\u00a0» sera diffusé jeudi soir sur "
        "France 3 Occitanie.",
        [],
    ),
    Case(
        "neg_legal_charge_pour",
        "Le maire de Villeneuve-sur-Tarn, Serge Arnal, a été mis en examen pour « abus de "
        "confiance » et « prise illégale d'intérêts ».",
        [],
    ),
    Case(
        "neg_legal_charge_chef_d",
        "Trois hommes ont été mis en examen des chefs d'«\u00a0association de "
        "malfaiteurs\u00a0» et de «\u00a0vol en bande organisée\u00a0».",
        [],
    ),
    Case(
        "neg_sign_banner",
        "Sur les grilles de l'usine, une banderole « Non à la délocalisation » flotte depuis "
        "lundi.",
        [],
    ),
    Case(
        "neg_slogan_as_name",
        "L'opération « Un fruit pour la récré » sera étendue à toutes les écoles de la "
        "Somme.",
        [],
    ),
    Case(
        "slogan_with_speaker_is_speech",
        "Devant la sous-préfecture, les manifestants scandaient : « Des lits, pas des "
        "économies ! »",
        [Q("Des lits, pas des économies !", "direct", "les manifestants")],
        True,
    ),
    Case(
        "scare_quote_with_source_is_partial",
        "Le gouvernement parle d'un « ajustement » des tarifs réglementés de l'électricité.",
        [Q("ajustement", "partial", "gouvernement")],
        True,
    ),
    # ------------------------------------------------------------------
    # 8. Sources the sieves reach beyond the cue's own words
    # ------------------------------------------------------------------
    Case(
        "document_speaks_for_its_author",
        "Un rapport de la Cour des comptes dresse un constat sévère : « Les dépenses "
        "d'entretien des routes ont reculé de 20 % en dix ans. »",
        [Q("Les dépenses d'entretien des routes ont reculé de 20 % en dix ans.", "direct",
           "Cour des comptes")],
    ),
    Case(
        "ce_dernier_is_the_latest_person",
        "Le maire de Tulle, Bernard Combes, a reçu le préfet Alain Ribot. Ce dernier "
        "rappelle que le plan de prévention des crues sera révisé en 2027.",
        [Q("le plan de prévention des crues sera révisé en 2027", "indirect", "Alain Ribot")],
    ),
    Case(
        "indefinite_subject_speaks",
        "Les habitants du quartier étaient partagés. Certains affirment avoir entendu "
        "des coups de feu vers minuit.",
        [Q("avoir entendu des coups de feu vers minuit", "indirect", "certains")],
    ),
    Case(
        "de_meme_source",
        "« La réunion aura lieu mardi à Bruxelles », a indiqué un diplomate européen. "
        "« Elle se tiendra au niveau des ambassadeurs », a-t-on ajouté de même source.",
        [Q("La réunion aura lieu mardi à Bruxelles", "direct", "un diplomate européen"),
         Q("Elle se tiendra au niveau des ambassadeurs", "direct", "un diplomate européen")],
    ),
    Case(
        "selon_in_the_middle_after_a_comma",
        "En sens inverse, selon le ministère de l'Agriculture, les exportations de blé "
        "ont reculé de 8 % cette année.",
        [Q("En sens inverse, selon le ministère de l'Agriculture, les exportations de blé "
           "ont reculé de 8 % cette année", "indirect", "ministère de l'Agriculture")],
    ),
    Case(
        "selon_at_the_end_of_the_statement",
        "Plusieurs centaines de coureurs devraient prendre le départ dimanche matin, selon "
        "les organisateurs.",
        [Q("Plusieurs centaines de coureurs devraient prendre le départ dimanche matin",
           "indirect", "les organisateurs")],
    ),
    Case(
        "statement_after_a_sentence_of_the_speaker",
        "Pour conclure, la porte-parole de la mutuelle a nuancé les chiffres du syndicat. "
        "« Nous avons remboursé 95 % des dossiers en moins d'un mois. »",
        [Q("Nous avons remboursé 95 % des dossiers en moins d'un mois.", "direct",
           "porte-parole de la mutuelle")],
    ),
    Case(
        "headline_quote_from_the_body",
        "« Un budget de combat »\n\n"
        "Le maire de Brive, Paul Serre, a présenté lundi son budget. « C'est un budget de "
        "combat pour l'emploi », a-t-il déclaré.",
        [Q("Un budget de combat", "direct", "Paul Serre"),
         Q("C'est un budget de combat pour l'emploi", "direct", "Paul Serre")],
    ),
    Case(
        "title_keeps_its_article",
        "« Le chantier prendra deux ans de plus », écrit le quotidien Le Télégramme.",
        [Q("Le chantier prendra deux ans de plus", "direct", "Le Télégramme")],
    ),
    Case(
        "description_shares_a_proper_noun",
        "Le préfet a reçu Claire Morel, la secrétaire générale de la FNSEA. La dirigeante "
        "de la FNSEA affirme avoir obtenu des garanties.",
        [Q("avoir obtenu des garanties", "indirect", "Claire Morel")],
    ),
    Case(
        "selon_a_document_of_its_author",
        "Le chômage a reculé de 0,3 point au troisième trimestre, d'après les chiffres de "
        "l'Insee.",
        [Q("Le chômage a reculé de 0,3 point au troisième trimestre", "indirect", "Insee")],
    ),
    Case(
        "narrative_infinitive_et_d_ajouter",
        "« Elle était dure comme la pierre », a raconté le sénateur Paul Vernet. Et d'ajouter "
        "qu'après son décès, « nous avons trouvé dix-neuf armes chargées ».",
        [Q("Elle était dure comme la pierre", "direct", "Paul Vernet"),
         Q("après son décès, « nous avons trouvé dix-neuf armes chargées »", "indirect", "Paul Vernet"),
         Q("nous avons trouvé dix-neuf armes chargées", "partial", "Paul Vernet")],
    ),
    Case(
        "comme_l_indique_after_a_statement",
        "Ce report n'a rien d'exceptionnel et s'est déjà produit l'an dernier, comme "
        "l'indique France 3 Bretagne.",
        [Q("Ce report n'a rien d'exceptionnel et s'est déjà produit l'an dernier", "indirect",
           "France 3 Bretagne")],
    ),
    Case(
        "comme_le_rappelle_after_a_quote",
        "« Les crédits ont baissé de moitié en cinq ans », comme le rappelle l'association "
        "Familles rurales.",
        [Q("Les crédits ont baissé de moitié en cinq ans", "direct", "association Familles rurales")],
    ),
    Case(
        "pour_qui_after_a_name_and_its_apposition",
        "Le compromis a déçu Jean-Marc Zielinski, de la CFDT, pour qui ces trois jours de "
        "discussions n'ont rien apporté aux salariés.",
        [Q("ces trois jours de discussions n'ont rien apporté aux salariés", "indirect",
           "Jean-Marc Zielinski")],
    ),
    Case(
        "de_son_cote_between_auxiliary_and_verb",
        "Mi-mars, la ministre des Sports, Hélène Carpentier, avait, de son côté, déclaré que "
        "« le budget » pourrait être revu « à la baisse ».",
        [Q("« le budget » pourrait être revu « à la baisse »", "indirect", "Hélène Carpentier"),
         Q("le budget", "partial", "Hélène Carpentier"),
         Q("à la baisse", "partial", "Hélène Carpentier")],
    ),
    Case(
        "celui_ci_subject_of_a_que_clause",
        "Le maire de Vienne, Olivier Brunel, a visité le chantier. Celui-ci avait en effet "
        "affirmé que le tunnel était « une erreur coûteuse ».",
        [Q("le tunnel était « une erreur coûteuse »", "indirect", "Olivier Brunel"),
         Q("une erreur coûteuse", "partial", "Olivier Brunel")],
    ),
    Case(
        "celle_ci_after_the_verb_of_an_incise",
        "La juge Martine Lacombe a reçu l'avocat de la famille. « Le dossier est complet », "
        "a estimé celle-ci.",
        [Q("Le dossier est complet", "direct", "Martine Lacombe")],
    ),
    Case(
        "que_clause_whose_quote_ends_with_the_sentence",
        "Le sénateur Paul Vernet a assuré que la fermeture de la maternité était « une "
        "décision prise sans la moindre concertation. »",
        [Q("la fermeture de la maternité était « une décision prise sans la moindre concertation. »",
           "indirect", "Paul Vernet"),
         Q("une décision prise sans la moindre concertation.", "partial", "Paul Vernet")],
    ),
    Case(
        "apposition_without_closing_comma_at_sentence_start",
        "Sylvie Arnaud, la candidate des écologistes à l'élection municipale avait qualifié "
        "le projet de « gaspillage ». Plus tard, la candidate des écologistes a ajouté : "
        "« Nous irons jusqu'au bout. »",
        [Q("gaspillage", "partial", "Sylvie Arnaud"),
         Q("Nous irons jusqu'au bout.", "direct", "Sylvie Arnaud")],
    ),
    Case(
        "relative_qui_after_a_role_and_its_name",
        "Les syndicats contestent le plan du directeur de l'hôpital, Bernard Caillaud, qui "
        "prévoit « la fermeture de deux services » d'ici à juin.",
        [Q("la fermeture de deux services", "partial", "Bernard Caillaud")],
    ),
    Case(
        "title_opening_with_a_foreign_article",
        "« La présentatrice était connue pour son franc-parler », écrit le quotidien El Correo.",
        [Q("La présentatrice était connue pour son franc-parler", "direct", "El Correo")],
    ),
    Case(
        "selon_frame_after_a_quote_and_its_incise",
        "ÉDITION SPÉCIALE - «Nous tiendrons la ligne jusqu'à l'hiver», a affirmé le ministre de "
        "la Défense, Marc Servan, selon une vidéo diffusée par l’armée de terre.",
        [Q("Nous tiendrons la ligne jusqu'à l'hiver", "partial", "Marc Servan")],
    ),
    Case(
        "present_participle_after_a_person",
        "La mairie a fermé le pont, au lendemain d'une visite du préfet Alain Roussel jugeant "
        "que l'ouvrage était « dangereux ».",
        [Q("l'ouvrage était « dangereux »", "indirect", "Alain Roussel"),
         Q("dangereux", "partial", "Alain Roussel")],
    ),
    Case(
        "present_participle_after_an_organization_speaks_for_the_subject",
        "Le président du groupe, Paul Vernet, a écarté l'idée d'une aide de l'État affirmant : "
        "« Nos comptes sont solides. »",
        [Q("Nos comptes sont solides.", "direct", "Paul Vernet")],
    ),
    Case(
        "infinitive_clause_ends_before_a_later_cue",
        "Le club a affirmé lundi avoir réglé ses dettes, au lendemain d'une lettre du maire Paul "
        "Vernet estimant que la situation restait « fragile ».",
        [Q("avoir réglé ses dettes", "indirect", "club"),
         Q("la situation restait « fragile »", "indirect", "Paul Vernet"),
         Q("fragile", "partial", "Paul Vernet")],
    ),
    Case(
        "capitalised_name_in_marks_is_no_quote",
        "Le général Marc Servan a confirmé le tir d'un missile « Vostok Neva » sur la base.",
        [],
    ),
    Case(
        "selon_frame_around_a_product_name_in_marks",
        "Selon l'institut Médiamétrie, les ventes du modèle \"Urban Glide\" ont doublé en un mois.",
        [Q("les ventes du modèle \"Urban Glide\" ont doublé en un mois", "indirect", "Médiamétrie")],
    ),
    Case(
        "selon_figures_without_an_author",
        "Les inscriptions en licence ont reculé de 6 % cette année, selon les chiffres officiels.",
        [Q("Les inscriptions en licence ont reculé de 6 % cette année", "indirect", "les chiffres officiels")],
    ),
    Case(
        "selon_estimates_of_an_agency_with_its_acronym_cited_by_a_paper",
        "En 2024, le chômage a touché 7 % des actifs, selon des estimations de l'Office régional "
        "de l'emploi (ORE), citées par le quotidien La Montagne.",
        [Q("En 2024, le chômage a touché 7 % des actifs", "indirect", "Office régional de l'emploi")],
    ),
    Case(
        "pour_la_premiere_fois_is_no_frame",
        "Pour la première fois, le festival accueillera plus de cent mille visiteurs.",
        [],
    ),
    Case(
        "selon_a_poll_speaks_for_its_author",
        "Selon un sondage Ifop publié mardi, 62 % des Français soutiennent la réforme.",
        [Q("62 % des Français soutiennent la réforme", "indirect", "Ifop")],
    ),
    Case(
        "d_apres_figures_is_a_source",
        "D'après les chiffres publiés mardi, le chômage a reculé au troisième trimestre.",
        [Q("le chômage a reculé au troisième trimestre", "indirect", "les chiffres publiés mardi")],
    ),
    Case(
        "selon_frame_in_the_middle_takes_the_whole_sentence",
        "Cette annonce a été faite, selon cette source, lors d'une visite du ministre à Dijon.",
        [Q("Cette annonce a été faite, selon cette source, lors d'une visite du ministre à Dijon",
           "indirect", "source")],
    ),
    Case(
        "selon_elle_inside_a_que_clause_adds_no_record",
        "La préfecture avait indiqué dès lundi que le débat était, selon elle, « prématuré ».",
        [Q("le débat était, selon elle, « prématuré »", "indirect", "préfecture"),
         Q("prématuré", "partial", "préfecture")],
    ),
    Case(
        "a_group_noun_is_not_a_person_described",
        "Le député Paul Morel (PS) est intervenu avant le vote. La séance a été suspendue, ce "
        "qui a permis, d'après l'opposition, à des élus de regagner l'hémicycle.",
        [Q("La séance a été suspendue, ce qui a permis, d'après l'opposition, à des élus de regagner l'hémicycle",
           "indirect", "opposition")],
    ),
    Case(
        "entourage_of_the_prime_minister_is_no_name",
        "« Nous verrons à la rentrée », ajoute l'entourage du Premier ministre.",
        [Q("Nous verrons à la rentrée", "direct", "entourage du Premier ministre")],
    ),
    Case(
        "sentence_initial_common_noun_is_no_speaker",
        "Bravo pour votre lecture attentive. Merci de l'avoir signalée a annoncé que le club "
        "fermerait.",
        [],
    ),
    Case(
        "participle_after_an_incise_speaks_for_the_incise",
        "La sœur de la victime, Claire Vasseur, a reçu la presse. Son frère n'avait aucun ennemi, "
        "a-t-elle ajouté, précisant qu'il venait de changer de travail.",
        [Q("Son frère n'avait aucun ennemi", "indirect", "Claire Vasseur"),
         Q("il venait de changer de travail", "indirect", "Claire Vasseur")],
    ),
    Case(
        "headline_fragment_said_in_the_body",
        "La ville « manque » de médecins\n\nLa ville « manque » de médecins pour soigner ses "
        "habitants, a déploré mardi le maire, Paul Vernet.",
        [Q("manque", "partial", "Paul Vernet"),
         Q("manque", "partial", "Paul Vernet")],
    ),
    Case(
        "headline_fragment_nobody_says_is_dropped",
        "Le « miracle » de Lens\n\nLe club a remporté son cinquième match d'affilée samedi.",
        [],
    ),
    Case(
        "relative_que_after_a_reporting_verb_is_no_que_clause",
        "Au soir de sa vie, la romancière écrit ses souvenirs, qu'elle destine à ses petits-enfants.",
        [],
    ),
    Case(
        "surname_alone_tagged_as_an_organization_is_the_person_named_before",
        "Le Premier ministre Jean-Marc Aubrac a présenté son plan. « Nous voulons une France "
        "qui pèse en Europe », assure Aubrac.",
        [Q("Nous voulons une France qui pèse en Europe", "direct", "Jean-Marc Aubrac")],
    ),
    Case(
        "product_name_before_a_colon_is_no_speaker",
        "Nos essais de la semaine\n\n- Kelvo Air Station Pro : « un écran qui ne déçoit jamais » "
        "(à venir)\n\n- Kelvo Mini : entre promesses et limites (à venir)",
        [],
    ),
    Case(
        "verb_leading_a_reporting_infinitive",
        "Au conseil municipal, chacun s'accorde à dire que le budget est « intenable ». Le maire "
        "s'est empressé de préciser que la piscine resterait ouverte.",
        [Q("le budget est « intenable »", "indirect", "chacun"),
         Q("intenable", "partial", "chacun"),
         Q("la piscine resterait ouverte", "indirect", "maire")],
    ),
    Case(
        "accorder_without_a_reporting_infinitive_is_no_cue",
        "Le conseil régional a accordé à la commune une aide de deux millions d'euros.",
        [],
    ),
]

# a participle after the clause of a reporting verb (X assure que A, rappelant que B) goes
# with that verb: B is X's, not the words of A's subject
CASES += [
    Case(
        "participle_after_que_clause_takes_the_verbs_subject",
        "Le préfet, Hugues Marland, assure que la digue « tiendra tout l'hiver », rappelant que les travaux ont coûté deux millions d'euros.",
        [
            Q("la digue « tiendra tout l'hiver »", "indirect", "Hugues Marland"),
            Q("tiendra tout l'hiver", "partial", "Hugues Marland"),
            Q("les travaux ont coûté deux millions d'euros", "indirect", "Hugues Marland"),
        ],
    ),
    Case(
        "participle_after_que_clause_organisation",
        "Le syndicat des pharmaciens affirme que les ruptures de stock se multiplient dans le département, "
        "ajoutant que les antibiotiques pour enfants manquent depuis octobre.",
        [
            Q("les ruptures de stock se multiplient dans le département", "indirect", "syndicat des pharmaciens"),
            Q("les antibiotiques pour enfants manquent depuis octobre", "indirect", "syndicat des pharmaciens"),
        ],
    ),
]
