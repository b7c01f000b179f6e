/* Statements: switch, goto, loops, labels. */
int control(int x)
{
    int r = 0;
    switch (x) {
    case 0:
    case 1:
        r = 1;
        break;
    case 2 ... 4:
        r = 2;
        /* fall through */
    default:
        r = 3;
    }
    switch (x)
        case 9: r = 9;
    for (;;)
        break;
    for (int i = 0, j = 1; i < j; i++)
        continue;
    for (; r < 10;)
        r++;
    while (r > 0)
        r--;
    do {
        if (r == 1)
            goto done;
        else if (r == 2)
            goto again;
        else
            ;
    } while (0);
again:
retry:
    r++;
    if (r < 3)
        goto retry;
done:
    return r;
}

void nothing(void)
{
    return;
}
