"""Constructions of the article's cast (quotetrack/extract/cast.py): one source named in
several ways, and the quote attached to its canonical name. Sentences written for these
tests; the conventions are those of constructions.py."""

from constructions import Case, Q

CASES = [
    # name_parts: a first name alone stands for the one full name that opens with it
    Case(
        "cast_first_name_alone",
        "Nathalie Verdier, aide-soignante depuis vingt ans, a rejoint le cortège.\n\n"
        "Nathalie dit avoir perdu deux collègues en un an.",
        [Q("avoir perdu deux collègues en un an", "indirect", "Nathalie Verdier")],
    ),
    Case(
        "cast_first_name_alone_reportage",
        "Yannick Le Floch, pêcheur à Douarnenez, a vendu son bateau en mars.\n\n"
        "Yannick assure que la saison ne couvrira pas ses dettes.",
        [Q("la saison ne couvrira pas ses dettes", "indirect", "Yannick Le Floch")],
    ),
    # acronym: the expansion, given once in full, is the canonical name
    Case(
        "cast_acronym_after_expansion",
        "L'Union nationale des apiculteurs indépendants (UNAI) a publié son bilan mardi.\n\n"
        "« La récolte a chuté de moitié », a déploré l'UNAI.",
        [Q("La récolte a chuté de moitié", "direct", "Union nationale des apiculteurs indépendants")],
    ),
    Case(
        "cast_acronym_subject",
        "La Fédération des transporteurs routiers (FTR) réunit ses adhérents jeudi.\n\n"
        "La FTR affirme que le prix du gazole menace trois entreprises sur dix.",
        [Q("le prix du gazole menace trois entreprises sur dix", "indirect", "Fédération des transporteurs routiers")],
    ),
    # renaming description: a body named just before, renamed by its category
    Case(
        "cast_description_renames_body",
        "La société Marvelec a annoncé la fermeture de son site de Vierzon. "
        "L'entreprise assure que les salariés seront reclassés.",
        [Q("les salariés seront reclassés", "indirect", "Marvelec")],
    ),
    Case(
        "cast_description_renames_agency",
        "L'Agence de sûreté fluviale (ASF) a publié son rapport annuel mercredi.\n\n"
        "Les accidents ont reculé de 12 %, précise l'agence.",
        [Q("Les accidents ont reculé de 12 %", "indirect", "Agence de sûreté fluviale")],
    ),
]

# a pronoun's antecedent is a name only where the cast reads one: not a sentence-initial
# participle the tagger took for a name
CASES += [
    Case(
        "cast_pronoun_skips_initial_participle",
        "Assis devant sa grange, Paul Mercadier compte les bêtes qui lui restent.\n\n"
        "« Il m'en reste trente. L'an dernier, j'en avais cent », raconte-t-il.",
        [Q("Il m'en reste trente. L'an dernier, j'en avais cent", "direct", "Paul Mercadier")],
    ),
    Case(
        "cast_pronoun_skips_initial_noun",
        "Penchée sur ses comptes, Hélène Bastide refait les calculs chaque soir.\n\n"
        "« Je ne dors plus », confie-t-elle.",
        [Q("Je ne dors plus", "direct", "Hélène Bastide")],
    ),
]

# interviews in questions and answers: the answers are the interviewee's, the questions no quotes
CASES += [
    Case(
        "interview_labelled_turns",
        "Marc Oudin : « Le rail doit redevenir un service public »\n\n"
        "ENTRETIEN - Le cheminot retraité Marc Oudin publie un livre sur les petites lignes.\n\n"
        "OUEST-MATIN. - Pourquoi ce livre maintenant ?\n\n"
        "MARC OUDIN. - Parce que les gares ferment une à une et que personne ne proteste.\n\n"
        "OUEST-MATIN. - Que proposez-vous ?\n\n"
        "MARC OUDIN. - Un plan de vingt ans, financé par l'État et les régions.",
        [
            Q("Le rail doit redevenir un service public", "direct", "Marc Oudin"),
            Q("Parce que les gares ferment une à une et que personne ne proteste.", "direct", "Marc Oudin"),
            Q("Un plan de vingt ans, financé par l'État et les régions.", "direct", "Marc Oudin"),
        ],
    ),
    Case(
        "interview_unlabelled_turns",
        "Théâtre : la troupe du Lavoir fête ses trente ans\n\n"
        "La metteuse en scène Odile Varenne, fondatrice de la troupe, revient sur trois décennies de création. Entretien.\n\n"
        "Comment la troupe est-elle née ?\n\n"
        "Dans une salle paroissiale, avec six amis et aucun budget. Nous répétions le soir après le travail.\n\n"
        "Qu'est-ce qui a changé depuis ?\n\n"
        "Le public a rajeuni, et les subventions ont fondu de moitié.",
        [
            Q("Dans une salle paroissiale, avec six amis et aucun budget. Nous répétions le soir après le travail.", "direct", "Odile Varenne"),
            Q("Le public a rajeuni, et les subventions ont fondu de moitié.", "direct", "Odile Varenne"),
        ],
    ),
]

# impersonal sources: the "on" of the press stands for the place or the source named beside it
CASES += [
    Case(
        "impersonal_on_place_then_ou_l_on",
        "« Rien n'est décidé », assure-t-on à l'Élysée, où l'on rappelle que le sommet aura lieu en mars.",
        [
            Q("Rien n'est décidé", "direct", "l'Élysée"),
            Q("le sommet aura lieu en mars", "indirect", "l'Élysée"),
        ],
    ),
    Case(
        "impersonal_on_entourage",
        "Le chantier a pris du retard. On reconnaît dans l'entourage de la ministre que le calendrier sera difficile à tenir.",
        [Q("le calendrier sera difficile à tenir", "indirect", "l'entourage de la ministre")],
    ),
    Case(
        "impersonal_on_de_source",
        "« Aucune piste n'est écartée », précise-t-on de source judiciaire.",
        [Q("Aucune piste n'est écartée", "direct", "source judiciaire")],
    ),
]

CASES += [
    # impersonal: the place opens the sentence (Dans X, on ...)
    Case(
        "impersonal_on_place_first",
        "Dans l'entourage du préfet, on admet que la circulation restera difficile jusqu'en mai.",
        [Q("la circulation restera difficile jusqu'en mai", "indirect", "l'entourage du préfet")],
    ),
    Case(
        "impersonal_on_place_first_chez",
        "Chez les pompiers du Var, on affirme que les moyens aériens ne suffiront pas cet été.",
        [Q("les moyens aériens ne suffiront pas cet été", "indirect", "les pompiers du Var")],
    ),
    # name repair: a reporting verb after a name is no part of it
    Case(
        "cast_name_not_overrun_by_verb",
        "La manifestation a réuni 20 000 personnes selon la police. La CFDT revendique de son côté « plus de 60 000 » participants.",
        [Q("La manifestation a réuni 20 000 personnes", "indirect", "police"), Q("plus de 60 000", "partial", "CFDT")],
    ),
    Case(
        "cast_name_not_overrun_by_verb_2",
        "Le rectorat compte 300 grévistes. Le SNES dénonce pour sa part « un mépris total » des enseignants.",
        [Q("un mépris total", "partial", "SNES")],
    ),
    # a first name alone for the one person of the article it opens, even an uncommon one
    Case(
        "cast_uncommon_first_name_alone",
        "Soumaya Kerbal, caissière dans un supermarché de Roubaix, manifestait pour la première fois.\n\n"
        "Soumaya dit avoir perdu 200 euros de pouvoir d'achat en un an.",
        [Q("avoir perdu 200 euros de pouvoir d'achat en un an", "indirect", "Soumaya Kerbal")],
    ),
    Case(
        "cast_uncommon_first_name_alone_2",
        "Ilyès Bouraoui, apprenti boulanger à Saint-Étienne, se lève à trois heures.\n\n"
        "Ilyès assure que son patron l'a toujours payé à l'heure.",
        [Q("son patron l'a toujours payé à l'heure", "indirect", "Ilyès Bouraoui")],
    ),
]

# a quote first, its speaker named by the next sentence, which renames the words
CASES += [
    Case(
        "speaker_named_after_constat",
        "Le conseil a voté la fermeture du collège.\n\n"
        "« On sacrifie les enfants des villages. » Ce constat, c'est celui de Roseline Aubert, présidente de l'association des parents.",
        [Q("On sacrifie les enfants des villages.", "direct", "Roseline Aubert")],
    ),
    Case(
        "speaker_named_after_mots",
        "« La forêt brûlera encore, et plus tôt. » Ces mots sont ceux du commandant des pompiers, Hugo Sarrazin, au lendemain de l'incendie.",
        [Q("La forêt brûlera encore, et plus tôt.", "direct", "Hugo Sarrazin")],
    ),
]

# an acronym read as a word, in lower case (Insee, Unédic), in parentheses after its expansion
CASES += [
    Case(
        "cast_acronym_lowercase_in_parentheses",
        "L'Agence régionale de l'eau et des milieux (Arem) a publié son rapport jeudi.\n\n"
        "« Les nappes n'ont jamais été aussi basses en avril », a averti l'Arem.",
        [Q("Les nappes n'ont jamais été aussi basses en avril", "direct", "Agence régionale de l'eau et des milieux")],
    ),
    Case(
        "cast_acronym_lowercase_elided_words",
        "La Coopérative d'achat des détaillants ardennais (Cada) tient son assemblée à Sedan.\n\n"
        "« Nos marges ont fondu », a déploré la Cada.",
        [Q("Nos marges ont fondu", "direct", "Coopérative d'achat des détaillants ardennais")],
    ),
]

# multiword frames: aux yeux de X, à en croire X, de l'avis de X
CASES += [
    Case(
        "frame_aux_yeux_de",
        "Aux yeux de l'économiste Paul Renaud, la reprise sera lente et inégale.",
        [Q("la reprise sera lente et inégale", "indirect", "Paul Renaud")],
    ),
    Case(
        "frame_a_en_croire",
        "À en croire Martine Lebon, la halle sera rouverte avant l'été.",
        [Q("la halle sera rouverte avant l'été", "indirect", "Martine Lebon")],
    ),
    Case(
        "frame_de_l_avis_de",
        "De l'avis du président du club, Julien Morin, l'équipe a manqué de fraîcheur.",
        [Q("l'équipe a manqué de fraîcheur", "indirect", "Julien Morin")],
    ),
]

# a-t-on appris: the press's impersonal source, named after it
CASES += [
    Case(
        "impersonal_a_t_on_appris_de_source",
        "Deux suspects ont été interpellés mardi, a-t-on appris de source judiciaire.",
        [Q("Deux suspects ont été interpellés mardi", "indirect", "source judiciaire")],
    ),
    Case(
        "impersonal_a_t_on_appris_aupres",
        "Le chantier du pont reprendra lundi, a-t-on appris auprès de la mairie.",
        [Q("Le chantier du pont reprendra lundi", "indirect", "la mairie")],
    ),
]

# the speaker nouns are evidence, not a gate: a noun for someone who does something speaks
# by its ending (le technicien, l'équipementier, la coordinatrice, le grossiste)
CASES += [
    Case(
        "agent_noun_speaks_technicien",
        "Le club a perdu samedi à domicile. Le technicien a reconnu que son équipe avait manqué de rythme.",
        [Q("son équipe avait manqué de rythme", "indirect", "technicien")],
    ),
    Case(
        "agent_noun_speaks_grossiste",
        "Les prix des fraises ont doublé en un mois. Un grossiste explique que la récolte espagnole a été mauvaise.",
        [Q("la récolte espagnole a été mauvaise", "indirect", "un grossiste")],
    ),
    # a present participle takes no inverted subject: its noun is its object
    Case(
        "participle_is_no_incise",
        "Le ministre est monté à la tribune, saluant les agriculteurs présents dans la salle.",
        [],
    ),
    Case(
        "participle_is_no_incise_2",
        "La cheffe a quitté la cuisine sous les applaudissements, remerciant les serveurs un par un.",
        [],
    ),
]

# questions and answers inside an article, announced by the paragraph before them
CASES += [
    Case(
        "interview_embedded_trois_questions",
        "La commune a voté la fermeture de la piscine jeudi soir.\n\n"
        "Trois questions à Lucien Ferrand, maître-nageur depuis vingt ans\n\n"
        "Que ressentez-vous ?\n\n"
        "De la colère, surtout. Des générations d'enfants ont appris à nager ici.\n\n"
        "Et maintenant ?\n\n"
        "Je vais chercher un poste à Vesoul, mais rien n'est signé.",
        [
            Q("De la colère, surtout. Des générations d'enfants ont appris à nager ici.", "direct", "Lucien Ferrand"),
            Q("Je vais chercher un poste à Vesoul, mais rien n'est signé.", "direct", "Lucien Ferrand"),
        ],
    ),
    Case(
        "interview_embedded_nous_avons_interroge",
        "Le projet de parc éolien divise la vallée. Nous avons interrogé la présidente de l'association Vent libre, Agnès Morvan.\n\n"
        "Pourquoi vous opposez-vous au projet ?\n\n"
        "Parce qu'il a été décidé sans consulter les habitants.\n\n"
        "Allez-vous saisir la justice ?\n\n"
        "Oui, notre avocat prépare un recours.",
        [
            Q("Parce qu'il a été décidé sans consulter les habitants.", "direct", "Agnès Morvan"),
            Q("Oui, notre avocat prépare un recours.", "direct", "Agnès Morvan"),
        ],
    ),
]

# a role with a participle (le ministre délégué chargé de X) is tied like any role, and a
# description with a possessive (leur entraîneur) is the one person it names
CASES += [
    Case(
        "role_with_participle_tied",
        "La secrétaire d'État chargée du Numérique, Inès Carpentier, a présenté le plan mardi. "
        "La secrétaire d'État chargée du Numérique a promis « des résultats dès l'automne ».",
        [Q("des résultats dès l'automne", "partial", "Inès Carpentier")],
    ),
    Case(
        "role_with_possessive_tied",
        "Les Rennais ont arraché le nul à la dernière minute. Un point « précieux », selon leur entraîneur.\n\n"
        "L'entraîneur rennais, Hugo Le Dantec, a salué le caractère de ses joueurs.",
        [Q("précieux", "partial", "Hugo Le Dantec")],
    ),
]

# a noun for words said names their speaker after "de", before a colon
CASES += [
    Case(
        "speech_noun_colon_reponse",
        "Les élus ont interpellé le gouvernement.\n\n"
        "Réponse de la ministre chargée des Sports, Claire Vautrin, le soir même : « Aucune piscine ne fermera cet été. »",
        [Q("Aucune piscine ne fermera cet été.", "direct", "Claire Vautrin")],
    ),
    Case(
        "speech_noun_colon_replique",
        "Le conseil a rejeté la motion.\n\n"
        "Réplique de Bertrand Lacoste, visiblement agacé : « Vous refusez le débat. »",
        [Q("Vous refusez le débat.", "direct", "Bertrand Lacoste")],
    ),
]

# the press's own sources after a frame: nos informations, nos confrères de X
CASES += [
    Case(
        "frame_nos_informations",
        "Selon nos informations, le directeur de l'usine a présenté sa démission lundi.",
        [Q("le directeur de l'usine a présenté sa démission lundi", "indirect", "nos informations")],
    ),
    Case(
        "frame_nos_informations_d_apres",
        "D'après nos informations, la ligne de bus sera supprimée à la rentrée.",
        [Q("la ligne de bus sera supprimée à la rentrée", "indirect", "nos informations")],
    ),
    Case(
        "frame_nos_confreres",
        "Selon nos confrères du Courrier picard, le chantier a pris six mois de retard.",
        [Q("le chantier a pris six mois de retard", "indirect", "Courrier picard")],
    ),
    Case(
        "frame_nos_confreres_2",
        "D'après nos confrères de Sud Ouest, trois entreprises sont candidates.",
        [Q("trois entreprises sont candidates", "indirect", "Sud Ouest")],
    ),
]

# a compound first name takes the gender of its first part (Anne-Laure, Pierre-Alain): the
# pronoun skips a person of the other gender named in between
CASES += [
    Case(
        "compound_first_name_feminine_skipped_by_il",
        "Le maire, Lucien Barrot, a ouvert la séance. La présidente, Anne-Claire Vidal, a lu l'ordre du jour.\n\n"
        "« Nous voterons le budget avant l'été », a-t-il annoncé.",
        [Q("Nous voterons le budget avant l'été", "direct", "Lucien Barrot")],
    ),
    Case(
        "compound_first_name_masculine_skipped_by_elle",
        "La directrice, Solène Marchal, a reçu les parents. Le délégué, Paul-Henri Kermarrec, est arrivé ensuite.\n\n"
        "« Aucune classe ne fermera », a-t-elle assuré.",
        [Q("Aucune classe ne fermera", "direct", "Solène Marchal")],
    ),
]

# pronouns: a body that is the subject of the sentence before is what il / elle stands
# for, before a person named earlier
CASES += [
    Case(
        "pronoun_body_subject_of_the_sentence_before",
        "Sophie Marin, chauffeuse à Lyon, ne décolère pas.\n\n"
        "La fédération des taxis a appelé à une grève illimitée. Dans un communiqué, elle dénonce « une concurrence déloyale » des plateformes.",
        [Q("une concurrence déloyale", "partial", "fédération des taxis")],
    ),
    Case(
        "pronoun_body_subject_region",
        "La rectrice, Hélène Vasseur, a visité le lycée mardi. La région a voté un budget de crise. "
        "Elle affirme que les internats seront rénovés d'ici 2030.",
        [Q("les internats seront rénovés d'ici 2030", "indirect", "région")],
    ),
]

# Belgian and Swiss communes speak through their bourgmestre, échevins, syndic and collège;
# trades in -ant (négociant, exploitant) are people too
CASES += [
    Case(
        "speaker_noun_bourgmestre",
        "Le conseil communal a siégé jeudi. Le bourgmestre assure que la taxe ne sera pas relevée.",
        [Q("la taxe ne sera pas relevée", "indirect", "bourgmestre")],
    ),
    Case(
        "speaker_noun_echevine",
        "L'échevine de l'Enseignement a précisé que deux classes seraient ouvertes à la rentrée.",
        [Q("deux classes seraient ouvertes à la rentrée", "indirect", "échevine de l'Enseignement")],
    ),
    Case(
        "speaker_noun_college_communal",
        "Selon le collège communal, la salle de sport rouvrira en septembre.",
        [Q("la salle de sport rouvrira en septembre", "indirect", "collège communal")],
    ),
    Case(
        "speaker_noun_negociants",
        "À en croire les négociants, les prix du blé vont encore baisser cet hiver.",
        [Q("les prix du blé vont encore baisser cet hiver", "indirect", "les négociants")],
    ),
]

# an account named in running text signs no post: the paragraph before is the writer's
CASES += [
    Case(
        "account_in_running_text_is_no_signature",
        "La mairie a fermé la plage du Lido jusqu'à nouvel ordre.\n\n"
        "Le compte de la ville (@VilleDeSete) a publié douze messages depuis le 3 mars 2026.",
        [],
    ),
]

# a body's name coordinates its complements (de A et de B): the whole name is the speaker
CASES += [
    Case(
        "body_name_coordinated_complements_ministere",
        "Le ministère de l'Économie et des Finances a confirmé que le plafond serait relevé.",
        [Q("le plafond serait relevé", "indirect", "ministère de l'Économie et des Finances")],
    ),
    Case(
        "body_name_coordinated_complements_chambre",
        "La chambre des métiers et de l'artisanat estime que 300 emplois sont menacés.",
        [Q("300 emplois sont menacés", "indirect", "chambre des métiers et de l'artisanat")],
    ),
]

# a body that is the subject of the pronoun's own sentence (un rapport dans lequel elle ...)
# comes before a person named in an earlier paragraph
CASES += [
    Case(
        "pronoun_body_subject_of_its_own_sentence_relative",
        "Claire Jouve, agricultrice, a ouvert ses champs aux visiteurs.\n\n"
        "L'association Terre Vivante a publié un rapport dans lequel elle affirme que les sols s'appauvrissent.",
        [Q("les sols s'appauvrissent", "indirect", "Terre Vivante")],
    ),
    Case(
        "pronoun_body_subject_of_its_own_sentence_ou",
        "Le directeur, Paul Marchand, a quitté la réunion.\n\n"
        "Le syndicat a diffusé une note où il estime que les effectifs sont insuffisants.",
        [Q("les effectifs sont insuffisants", "indirect", "syndicat")],
    ),
]

# the words first, then a sentence that renames them and names their speaker: La phrase,
# prononcée ..., est celle de X / La formule, lâchée par X, ... (only a verb of saying:
# words repeated by a crowd are not theirs)
CASES += [
    Case(
        "speaker_named_after_la_phrase_est_celle_de",
        "« Nous ne fermerons aucune classe. » La phrase, prononcée devant les parents, est celle de la rectrice, Hélène Vasseur.",
        [Q("Nous ne fermerons aucune classe.", "direct", "Hélène Vasseur")],
    ),
    Case(
        "speaker_named_after_lachee_par",
        "« On a tout perdu en une nuit. » La formule, lâchée par Jean Morvan, éleveur à Pontivy, résume la colère des sinistrés.",
        [Q("On a tout perdu en une nuit.", "direct", "Jean Morvan")],
    ),
    Case(
        "words_repeated_by_a_crowd_are_not_theirs",
        "« Ce sera la fête ou rien. » Le mot, repris en boucle par les supporteurs, a fait le tour du stade.",
        [Q("Ce sera la fête ou rien.", "direct", None)],
    ),
]

# a headline's topic before its quotation (Sécheresse en Bretagne : « ... ») names no
# speaker, even with a place or a company inside it: only a name or a noun for people that
# opens the words before the colon does
CASES += [
    Case(
        "headline_topic_with_a_place_is_no_speaker",
        "Sécheresse en Bretagne : « Les puits sont à sec »\n\nPar Anne Lemoine - Le 02/06/2025\n\n"
        "Les agriculteurs attendent la pluie.",
        [Q("Les puits sont à sec", "direct", None)],
    ),
    Case(
        "headline_topic_with_a_company_is_no_speaker",
        "Usine Duralex de La Chapelle-Saint-Mesmin : « On ne lâchera rien »\n\nPar Paul Morin - Le 02/06/2025\n\n"
        "Les salariés ont voté la grève.",
        [Q("On ne lâchera rien", "direct", None)],
    ),
    Case(
        "headline_name_before_colon_speaks",
        "Agnès Rivière : « Les puits sont à sec »\n\nPar Anne Lemoine - Le 02/06/2025\n\n"
        "Les agriculteurs attendent la pluie.",
        [Q("Les puits sont à sec", "direct", "Agnès Rivière")],
    ),
]

# a number opens a group as an indefinite article does: an anonymous group, written in
# lower case, never a person's name (Trois associations affirment ... -> trois associations)
CASES += [
    Case(
        "number_opens_an_anonymous_group",
        "Trois associations affirment que le projet menace la nappe phréatique.",
        [Q("le projet menace la nappe phréatique", "indirect", "trois associations")],
    ),
    Case(
        "number_opens_an_anonymous_group_2",
        "Deux syndicats estiment que la réforme va trop loin.",
        [Q("la réforme va trop loin", "indirect", "deux syndicats")],
    ),
]

# the full stop of an initial (Sylvain B., M. Dubreuil) ends no sentence: the subject before
# it still speaks through the colon after its verb
CASES += [
    Case(
        "initial_full_stop_ends_no_sentence_colon",
        "Appelé à la barre, Sylvain B. a fait face aux juges : « Je n'ai rien vu. »",
        [Q("Je n'ai rien vu.", "direct", "Sylvain B.")],
    ),
    Case(
        "initial_full_stop_ends_no_sentence_answer",
        "Interrogé par la présidente, Sylvain B. a répondu : « Je n'ai rien vu. »",
        [Q("Je n'ai rien vu.", "direct", "Sylvain B.")],
    ),
]

# a name takes no lowercase word after it, whatever the tagger made of it (a verb read as a
# proper noun: Lucienne Marchal repart ...): the speaker is the name alone
CASES += [
    Case(
        "name_takes_no_lowercase_word_after_it",
        "Lucienne Marchal repart avec un panier. « C'est plus cher qu'avant. »",
        [Q("C'est plus cher qu'avant.", "direct", "Lucienne Marchal")],
    ),
    Case(
        "name_takes_no_lowercase_word_after_it_2",
        "Au marché couvert, Albert Février repart les mains vides. « Tout a augmenté depuis l'été. »",
        [Q("Tout a augmenté depuis l'été.", "direct", "Albert Février")],
    ),
]

# "la même source", "de même source": the source just quoted, named again as such
CASES += [
    Case(
        "same_source_after_an_incise",
        "« Le pont restera fermé », a indiqué la préfecture. Les travaux dureront six mois, selon la même source.",
        [Q("Le pont restera fermé", "direct", "préfecture"), Q("Les travaux dureront six mois", "indirect", "préfecture")],
    ),
    Case(
        "same_source_after_a_frame",
        "Selon une source policière, deux suspects ont été interpellés dans la nuit. "
        "Ils ont été placés en garde à vue, selon la même source.",
        [
            Q("deux suspects ont été interpellés dans la nuit", "indirect", "une source policière"),
            Q("Ils ont été placés en garde à vue", "indirect", "une source policière"),
        ],
    ),
]

# a name after "du / de la + noun" names that thing (le club Rugby Ouest, le festival Rock
# en Seine), not the person the description is about; a lowercase particle (en, sur) keeps
# two words of such a name together, and the person named after a comma is the speaker
CASES += [
    Case(
        "name_of_the_complement_is_no_speaker",
        "« Nous visons la montée », confie le président du club Rugby Ouest.",
        [Q("Nous visons la montée", "direct", "président du club Rugby Ouest")],
    ),
    Case(
        "name_of_the_complement_is_no_speaker_2",
        "« La saison sera longue », prévient l'entraîneur du club Volley Lannion.",
        [Q("La saison sera longue", "direct", "entraîneur du club Volley Lannion")],
    ),
    Case(
        "particle_inside_an_event_name_then_the_person",
        "« Nous tiendrons », confie la directrice du festival Jazz en Baie, Marie Ollivier.",
        [Q("Nous tiendrons", "direct", "Marie Ollivier")],
    ),
    Case(
        "particle_inside_an_event_name_then_the_person_2",
        "« Les réservations ont doublé », se félicite la directrice du festival Rock en Seine, Léa Morin.",
        [Q("Les réservations ont doublé", "direct", "Léa Morin")],
    ),
]

# an adverbial between the subject and its verb (X a de son côté indiqué, a pour sa part
# assuré): the subject before it speaks, even when the parse ties it elsewhere
CASES += [
    Case(
        "subject_before_pour_sa_part",
        "« Le dossier avance bien. » La préfète, Anne Kerhervé, a pour sa part assuré que les travaux commenceraient en mai.",
        [Q("Le dossier avance bien.", "direct", None), Q("les travaux commenceraient en mai", "indirect", "Anne Kerhervé")],
    ),
    Case(
        "subject_before_pour_sa_part_2",
        "« Le chantier sera livré à temps. » Le maire de Quimperlé, Paul Ollivier, a pour sa part promis que la route serait rouverte en juin.",
        [Q("Le chantier sera livré à temps.", "direct", None), Q("la route serait rouverte en juin", "indirect", "Paul Ollivier")],
    ),
]

# a complement set between commas after an indefinite subject (D'autres, parmi les
# soignants, estiment ...): the subject before it speaks, an anonymous group
CASES += [
    Case(
        "inserted_complement_after_d_autres",
        "D'autres, parmi les soignants, estiment que la suspension était inévitable.",
        [Q("la suspension était inévitable", "indirect", "d'autres")],
    ),
    Case(
        "inserted_complement_after_plusieurs",
        "Plusieurs, parmi les élus, assurent que le vote sera serré.",
        [Q("le vote sera serré", "indirect", "plusieurs")],
    ),
]
