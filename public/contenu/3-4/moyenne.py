# Fonction censée renvoyer la moyenne d'une liste de notes.
# moyenne([12, 16, 8]) devrait renvoyer 12.

def moyenne(notes):
    total = 0
    for n in notes:
        total = total + n
        return total / len(notes)


print(moyenne([12, 16, 8]))    # affiche 4.0 au lieu de 12.0
